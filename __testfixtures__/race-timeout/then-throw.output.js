export function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
