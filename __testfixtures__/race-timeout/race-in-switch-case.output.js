// A race in a `case`: the handle is declared before the switch, not in the case (a `let` there is
// shared by every case, which eslint's no-case-declarations reports).
export function process(term) {
  let timerHandle;
  switch (typeof term) {
    case 'string':
      return Promise.race([
        search(term),
        new Promise((_, reject) => {
          timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
        }),
      ]).finally(() => clearTimeout(timerHandle));
    default:
      return Promise.resolve(undefined);
  }
}
