// --prefer-signal-timeout: `catch ({ name })` inspects the error's name, which AbortSignal.timeout()
// would change from AbortError to TimeoutError: the timer is cleared in a finally instead.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch ({ name, message }) {
    throw Object.assign(new Error(message), { name });
  }
}
