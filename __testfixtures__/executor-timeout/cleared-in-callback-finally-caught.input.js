// The callback settles in a try or its catch, and clears the timer in the finally after either: every
// settle point clears it. Only a synchronous throw of searchCallback would leave it armed: the call
// goes in a `try` whose `catch` clears the timer and throws on.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(term, (error, record) => {
      try {
        if (error) throw error;
        resolve(record);
      } catch (failure) {
        reject(failure);
      } finally {
        clearTimeout(timeout);
      }
    });
  });
}
