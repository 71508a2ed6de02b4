export function process(term) {
  return Promise.race([
    search(term),
    new Promise((_, reject) => {
      const started = Date.now();
      setTimeout(() => reject(new Error(`search canceled after ${Date.now() - started} ms`)), 100);
    }),
  ]);
}
