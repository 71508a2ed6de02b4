// The timer settles only when nothing is in flight: deleted there, the entry would be gone for the
// answer that still settles the promise.
const pending = new Map();

export function answer(term, record) {
  pending.get(term)?.(record);
}

export function process(term, status) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (!status.inFlight) resolve('cached value');
    }, 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
  });
}
