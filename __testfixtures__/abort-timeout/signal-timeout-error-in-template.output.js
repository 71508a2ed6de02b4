// --prefer-signal-timeout: the catch logs the error in a template literal, whose text AbortSignal.timeout()
// would change (TimeoutError: …, not AbortError: …): the timer is cleared in a finally instead.
export async function process(term) {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch (error) {
    console.warn(`search failed: ${error}`);
    throw error;
  } finally {
    clearTimeout(timerHandle);
  }
}
