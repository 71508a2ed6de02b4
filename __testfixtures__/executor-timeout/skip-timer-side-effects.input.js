export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      metrics.increment('search.timeout');
      reject(new Error('search canceled'));
    }, 100);
    search(term).then(resolve, reject);
  });
}
