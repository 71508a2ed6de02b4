export async function process(term) {
  let timerHandle;
  let timerHandle2;
  return Promise.race([
    Promise.race([
      search(term),
      new Promise((_, reject) => {
        timerHandle2 = setTimeout(() => reject(new Error('inner')), 50);
      }),
    ]).finally(() => clearTimeout(timerHandle2)),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('outer')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
