// The callback clears the timer on both of its outcomes, but a synchronous throw of the callback
// API would reject the promise past them, with the timer armed. Whether it can throw is not known
// from here: a warning, and no change (the same with --clear-on-sync-throw=true is fixed).
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
