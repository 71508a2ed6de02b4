// --prefer-signal-timeout: the catch reads the error's code, which AbortSignal.timeout() would change
// (TimeoutError, 23, not AbortError, 20): the timer is cleared in a finally instead.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch (error) {
    if (error.code === 23) throw new Error('unexpected timeout');
    throw error;
  }
}
