// The callback clears the timer on both of its outcomes, but a synchronous throw of the callback
// API rejects the promise past them, with the timer armed. A `try` around the statements after the
// timer would hide `canceled`, which the timer's callback reads: fixed only when asked for
// (--clear-on-sync-throw=true), by a clear in .finally() on the promise, which settles a few
// microtasks later than the promise itself.
export function process(term) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(canceled), 100);
    const canceled = new Error('search canceled');
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  }).finally(() => clearTimeout(timer));
}
