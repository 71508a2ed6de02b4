export function process(term, ms) {
  return new Promise((resolve, reject) => {
    if (ms > 0) {
      setTimeout(() => reject(new Error('search canceled')), ms);
    }
    search(term).then(resolve, reject);
  });
}
