// A polling interval beside the timer: when the timer wins it goes on polling. The timer's callback
// is `reject` itself, not a function this could clear the interval in.
export function process(term, isReady) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(reject, 100, new Error('search canceled'));
    const poll = setInterval(() => {
      if (isReady(term)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(term);
      }
    }, 10);
  });
}
