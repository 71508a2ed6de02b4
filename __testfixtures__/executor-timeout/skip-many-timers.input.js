export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    setTimeout(() => resolve('partial'), 50);
    search(term).then(resolve, reject);
  });
}
