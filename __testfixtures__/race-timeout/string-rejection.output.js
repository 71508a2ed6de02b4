export function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve, reject) => {
      timerHandle = setTimeout(() => reject('search canceled'), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
