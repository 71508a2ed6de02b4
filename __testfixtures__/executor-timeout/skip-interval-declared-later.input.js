// The interval's const is declared two statements after the timer: if `log` throws, the executor
// rejects with the const uninitialised, and a clear written in the timer's callback would throw a
// ReferenceError when it fires. Refused.
export function process(term, isReady, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    log('polling for', term);
    const poll = setInterval(() => {
      if (isReady(term)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(term);
      }
    }, 10);
  });
}
