// The timer's callback ends in `return reject(…)`: an abort of the losing fetch written after it
// would never run. The timer is still cleared once the race settles; the fetch is reported.
export function process(term) {
  let timerHandle;
  return Promise.race([
    fetch(`/search?q=${term}`),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => {
        return reject(new Error('search canceled'));
      }, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
