// The work's own chain clears the timer whether it fulfils or rejects; when the timer fires it is spent.
export function process(term) {
  let timer;
  return Promise.race([
    search(term).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]);
}
