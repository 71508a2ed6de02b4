export async function process(term) {
  let timerHandle;
  const fetchController = new AbortController();
  const response = await Promise.race([
    fetch('https://search.example/', { method: 'POST', body: term, signal: fetchController.signal }),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => {
        reject(new Error('search canceled'));
        fetchController.abort();
      }, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
