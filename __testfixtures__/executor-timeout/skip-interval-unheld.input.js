// An interval whose handle is not kept: nothing can clear it, and it polls on after the timer wins.
export function process(term, isReady) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    setInterval(() => {
      if (isReady(term)) {
        clearTimeout(timer);
        resolve(term);
      }
    }, 10);
  });
}
