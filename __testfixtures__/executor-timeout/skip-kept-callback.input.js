// The callback that settles is kept in a registry for the answer to call; the timer does not delete
// it, so the entry stays, and a late answer still runs it. The callback also logs what it got: run
// late it does more than settle, so whoever reads the registry may rely on finding it. Refused.
export function process(term, pending, log) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 100);
    const callback = (record) => {
      clearTimeout(timer);
      log(record);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
    search(term, callback);
  });
}
