// The clear runs in a .then() on the race: a failing search skips it and leaves the timer armed.
export function process(term) {
  let timer;
  return Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ])
    .finally(() => clearTimeout(timer))
    .then((record) => {
      clearTimeout(timer);
      return record;
    });
}
