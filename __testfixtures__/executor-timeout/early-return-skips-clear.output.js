// A text answer settles by an early return, past the clear below it: that path leaves the timer
// armed, so the site is not already cleared. The clear goes to .finally() on the promise.
export async function process(term) {
  let timer;
  const record = await new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(
      (value) => {
        if (typeof value === 'string') return resolve(value);
        clearTimeout(timer);
        resolve(String(value));
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  }).finally(() => clearTimeout(timer));
  return record;
}
