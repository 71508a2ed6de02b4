export function process(term) {
  return new Promise((resolve, reject) => {
    window.setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
}
