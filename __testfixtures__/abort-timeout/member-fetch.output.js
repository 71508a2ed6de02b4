// A signal given to a client's own fetch: awaited here, its response read here, so the timer is
// cleared in a finally around it, as for the platform's fetch.
export async function process(term, socket) {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await socket.fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timerHandle);
  }
}
