// The success path clears the timer behind a `typeof timer !== 'undefined'` guard; a failing
// search rejects with the timer still armed.
export function process(term) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then((record) => {
      if (typeof timer !== 'undefined') clearTimeout(timer);
      resolve(record);
    }, reject);
  });
}
