// The timer is cleared by .finally() on the work's own chain, inside the executor: on every path.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term)
      .finally(() => clearTimeout(timer))
      .then(resolve, reject);
  });
}
