export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(
      (record) => {
        clearTimeout(timer);
        resolve(record);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
