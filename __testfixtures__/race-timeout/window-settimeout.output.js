export function process(term) {
  let timerHandle;
  return Promise.race([
    new Promise((_, reject) => {
      timerHandle = window.setTimeout(() => reject(new Error('search canceled')), 100);
    }),
    search(term),
  ]).finally(() => window.clearTimeout(timerHandle));
}
