// `prepare?.()` runs between the timer and the listener, and may throw: the executor then rejects
// with the timer armed, and a handler hoisted above it would not exist yet when the timer fires.
// Reported, not rewritten.
/** @param {import('node:events').EventEmitter} source */
export function waitFor(source, prepare) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), 1000);
    prepare?.();
    source.once('done', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
