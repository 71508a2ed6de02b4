// `track` keeps the handle in a set of its own: it is not a pass-through, so the timer's handle
// is held by code this transform does not follow.
const timers = new Set();

function track(timer) {
  timers.add(timer);
  return timer;
}

export async function process(term) {
  return Promise.race([
    search(term),
    new Promise((_, reject) => track(setTimeout(() => reject(new Error('search canceled')), 100))),
  ]);
}
