export function process(term) {
  let timer;
  const result = Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]);
  return { result, timer };
}
