export function process(term) {
  return Promise.race([
    search(term),
    new Promise((resolve) => setTimeout(resolve, 100)).then(() => {
      throw new Error('search canceled');
    }),
  ]);
}
