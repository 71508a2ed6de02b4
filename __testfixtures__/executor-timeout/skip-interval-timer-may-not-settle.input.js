// The timer settles only when the search never started: cleared there, the poll could no longer
// settle the promise when it did start. Not cleared by the timer.
export function process(term, status) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!status.started) reject(new Error('search canceled'));
    }, 100);
    const poll = setInterval(() => {
      if (!status.done) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(status.value);
    }, 5);
  });
}
