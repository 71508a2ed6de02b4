export function process(term) {
  let timer;
  return Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).then(
    (record) => {
      clearTimeout(timer);
      return record;
    },
    (error) => {
      clearTimeout(timer);
      throw error;
    },
  );
}
