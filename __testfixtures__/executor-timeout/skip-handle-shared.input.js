let timer;

export function process(term) {
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
}
