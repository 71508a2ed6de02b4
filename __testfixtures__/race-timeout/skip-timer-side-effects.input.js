export function process(term) {
  return Promise.race([
    search(term),
    new Promise((_, reject) =>
      setTimeout(() => {
        metrics.increment('search.timeout');
        reject(new Error('search canceled'));
      }, 100),
    ),
  ]);
}
