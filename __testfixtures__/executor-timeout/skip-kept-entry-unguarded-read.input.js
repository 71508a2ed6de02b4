// The answer calls what it finds in the registry without checking for it: once the timer deleted
// the entry, a late answer would throw. Refused.
const pending = new Map();

export function process(term) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('cached value'), 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
    search(term).then((record) => pending.get(term)(record), () => undefined);
  });
}
