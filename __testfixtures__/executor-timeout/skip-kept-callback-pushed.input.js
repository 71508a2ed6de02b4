// The settling callback is pushed onto a list for the answer to call; the timer does not take it
// off, so it stays there, and a late answer still runs it.
export function process(term, waiting) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 100);
    waiting.push((record) => {
      clearTimeout(timer);
      resolve(record);
    });
    search(term);
  });
}
