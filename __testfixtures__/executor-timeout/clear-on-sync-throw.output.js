// The callback clears the timer on both of its outcomes, but a synchronous throw of the callback
// API rejects the promise past them, with the timer armed. Fixed only when asked for
// (--clear-on-sync-throw=true): whether the API can throw is not known from here.
export function process(term) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  }).finally(() => clearTimeout(timer));
}
