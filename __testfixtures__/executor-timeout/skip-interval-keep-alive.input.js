// The interval never ends itself and settles nothing: it is not the work polling, it is something
// the executor starts and leaves running on every path. Clearing it when the timer fires would not
// release it when the work wins. Refused.
export function process(term, ping) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    const keepAlive = setInterval(() => ping(term), 10);
    search(term).then(
      (record) => {
        clearTimeout(timer);
        resolve({ record, keepAlive });
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
