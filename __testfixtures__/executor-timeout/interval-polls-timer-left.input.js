// The interval polls for the search's result and ends itself, but never clears the timer: the
// timer stays armed when the poll wins, and the interval polls on when the timer wins. Both go.
export function process(term) {
  const status = { done: false };
  search(term).then(
    (value) => Object.assign(status, { done: true, value }),
    (error) => Object.assign(status, { done: true, error }),
  );
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    const poll = setInterval(() => {
      if (!status.done) return;
      clearInterval(poll);
      if (status.error) reject(status.error);
      else resolve(status.value);
    }, 5);
  });
}
