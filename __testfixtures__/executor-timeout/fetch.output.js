// The work is a fetch: when the timeout wins, the request should stop too.
export function process(term) {
  let timerHandle;
  const fetchController = new AbortController();
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => {
      reject(new Error('search canceled'));
      fetchController.abort();
    }, 100);
    fetch('https://search.example/?q=' + encodeURIComponent(term), { method: 'GET', signal: fetchController.signal })
      .then((response) => response.text())
      .then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
