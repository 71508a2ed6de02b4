const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function process(term) {
  return Promise.race([
    search(term),
    sleep(100).then(() => {
      console.warn('search is slow');
      throw new Error('search canceled');
    }),
  ]);
}
