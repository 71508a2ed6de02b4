// A sleep helper that resolves with a value: the value is a literal, the same when the timer fires,
// so the call inlines with its arguments in place.
const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

export function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(() => resolve('fallback'), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
