// The timer's callback ends in `return reject(…)`: an abort of the fetch written after it would
// never run. The timer is still cleared once the promise settles; the fetch is reported.
export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      return reject(new Error('search canceled'));
    }, 100);
    fetch(`/search?q=${term}`)
      .then((response) => response.text())
      .then(resolve, reject);
  });
}
