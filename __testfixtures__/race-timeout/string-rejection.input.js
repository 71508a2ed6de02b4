export function process(term) {
  return Promise.race([
    search(term),
    new Promise((resolve, reject) => {
      setTimeout(() => reject('search canceled'), 100);
    }),
  ]);
}
