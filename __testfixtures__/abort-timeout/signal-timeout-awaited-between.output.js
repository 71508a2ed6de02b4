// --prefer-signal-timeout: an await between the controller and the timer. AbortSignal.timeout()
// in the controller's place would start the clock earlier, so the timer is cleared in a finally.
export async function process(term) {
  const controller = new AbortController();
  await Promise.resolve();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timerHandle);
  }
}
