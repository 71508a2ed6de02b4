const timeout = (promise, ms) =>
  new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), ms);
    promise.then(resolve, reject);
  });

export function process(term) {
  return timeout(search(term), 100);
}
