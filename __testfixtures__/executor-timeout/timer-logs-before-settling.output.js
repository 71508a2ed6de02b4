// The timer logs before it rejects: once the search has settled the promise, the cleared timer no
// longer writes "timed out" about a search that did not time out.
export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => {
      console.warn('search timed out');
      reject(new Error('search canceled'));
    }, 100);
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
