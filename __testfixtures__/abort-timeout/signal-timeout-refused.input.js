// --prefer-signal-timeout=true in a file that tells errors apart by name: AbortSignal.timeout()
// would reject with a TimeoutError, so the timer is cleared in a finally instead.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch (error) {
    if (error.name === 'AbortError') throw new Error('search canceled');
    throw error;
  }
}
