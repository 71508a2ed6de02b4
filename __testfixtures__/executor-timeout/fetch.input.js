// The work is a fetch: when the timeout wins, the request should stop too.
export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    fetch('https://search.example/?q=' + encodeURIComponent(term), { method: 'GET' })
      .then((response) => response.text())
      .then(resolve, reject);
  });
}
