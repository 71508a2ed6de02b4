export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = window.setTimeout(
      () => reject(new Error('search canceled')),
      100,
    );
    search(term).then(resolve, reject);
  }).finally(() => window.clearTimeout(timerHandle));
}
