// The fetch is started before the race and named: the controller its signal comes from must be
// declared before that statement, or every call throws a ReferenceError.
export async function process(term) {
  let timerHandle;
  const fetchController = new AbortController();
  const request = fetch(`https://search.example/?q=${term}`, { signal: fetchController.signal });
  const response = await Promise.race([
    request,
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => {
        reject(new Error('search canceled'));
        fetchController.abort();
      }, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
