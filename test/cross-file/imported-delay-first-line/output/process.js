// The import the race no longer needs is the file's first line: it goes with the blank line after
// it, so the file does not start with a blank line.
export async function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
