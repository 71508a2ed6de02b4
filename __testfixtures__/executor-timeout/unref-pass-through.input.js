// The timer's handle goes through `unrefTimer`, which only unrefs it and returns it: the handle is
// the timer's own, kept and cleared once the promise settles.
function unrefTimer(timer) {
  timer.unref?.();
  return timer;
}

export function process(term) {
  return new Promise((resolve, reject) => {
    unrefTimer(setTimeout(() => reject(new Error('search canceled')), 100));
    search(term).then(resolve, reject);
  });
}
