export function process(term, timers) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    timers.push(timer);
    search(term).then(resolve, reject);
  });
}
