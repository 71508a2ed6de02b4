// The callback that settles is kept in a registry for the answer to call; the timer does not delete
// it, so the entry stays, and a late answer still runs it.
export function process(term, pending) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
    search(term, callback);
  });
}
