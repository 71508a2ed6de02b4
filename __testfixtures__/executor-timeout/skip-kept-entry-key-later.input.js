// The key is computed after the timer is armed: if that throws, the timer's callback would meet it
// uninitialised. Refused.
const pending = new Map();

export function process(term, makeId) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('cached value'), 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(id);
    };
    const id = makeId(term);
    pending.set(id, callback);
    search(term).then((record) => pending.get(id)?.(record), () => undefined);
  });
}
