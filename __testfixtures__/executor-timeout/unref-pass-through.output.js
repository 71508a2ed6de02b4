// The timer's handle goes through `unrefTimer`, which only unrefs it and returns it: the handle is
// the timer's own, kept and cleared once the promise settles.
function unrefTimer(timer) {
  timer.unref?.();
  return timer;
}

export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = unrefTimer(setTimeout(() => reject(new Error('search canceled')), 100));
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
