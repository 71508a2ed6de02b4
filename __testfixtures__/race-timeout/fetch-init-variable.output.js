export async function process(term, init = { method: 'GET' }) {
  let timerHandle;
  // init may already carry a signal: the timer is cleared, the fetch is left as it is
  const response = await Promise.race([
    fetch(`https://search.example/?q=${term}`, init),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
