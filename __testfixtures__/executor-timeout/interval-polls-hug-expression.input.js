// The timer's call was broken over lines for width, its delay an expression: with the callback a
// block, the call is written as Prettier writes it, the delay beside the closing brace.
export function process(term, seconds = 0.1) {
  const status = { done: false };
  search(term).then(
    (value) => Object.assign(status, { done: true, value }),
    (error) => Object.assign(status, { done: true, error }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('search canceled')),
      seconds * 1000,
    );
    const poll = setInterval(() => {
      if (!status.done) return;
      clearInterval(poll);
      clearTimeout(timer);
      if (status.error) reject(status.error);
      else resolve(status.value);
    }, 5);
  });
}
