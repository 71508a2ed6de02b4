// A polling interval beside the timer: when the timer wins it goes on polling.
export function process(term, isReady) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    const poll = setInterval(() => {
      if (isReady(term)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(term);
      }
    }, 10);
  });
}
