export function process(term) {
  return Promise.race([
    new Promise((_, reject) => window.setTimeout(() => reject(new Error('search canceled')), 100)),
    search(term),
  ]);
}
