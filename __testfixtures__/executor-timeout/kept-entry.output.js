// The callback that settles is kept in a registry for the answer to call, and deletes its entry when
// the answer comes. When the timer wins, the entry stays: a late answer still finds it, and the
// registry grows by one per timeout. The timer now deletes it, if it is still this call's.
const pending = new Map();

export function pendingCount() {
  return pending.size;
}

export function process(term) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (pending.get(term) === callback) {
        pending.delete(term);
      }
      resolve('cached value');
    }, 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
    search(term).then((record) => pending.get(term)?.(record), () => undefined);
  });
}
