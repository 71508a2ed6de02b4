// The interval right after the timer reads its delay from an object that may be missing: if that
// throws, the timer's callback would meet `poll` uninitialised. Refused.
export function process(term, isReady, options) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    const poll = setInterval(() => {
      if (isReady(term)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(term);
      }
    }, options.pollMs);
  });
}
