// The work is an interval polling for the search's result; it clears the timer when it finds it.
// When the timer wins, nothing clears the interval: it polls on, forever if the search hangs.
export function process(term) {
  const status = { done: false };
  search(term).then(
    (value) => Object.assign(status, { done: true, value }),
    (error) => Object.assign(status, { done: true, error }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('search canceled'));
    }, 100);
    const poll = setInterval(() => {
      if (!status.done) return;
      clearInterval(poll);
      clearTimeout(timer);
      if (status.error) reject(status.error);
      else resolve(status.value);
    }, 5);
  });
}
