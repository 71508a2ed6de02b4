// `registry.get(name).add(source)` between the timer and the listener throws when the name has no
// entry: the executor then rejects with the timer armed. Reported, not rewritten.
/** @param {import('node:events').EventEmitter} source */
export function waitFor(source, registry, name) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), 1000);
    registry.get(name).add(source);
    source.once('done', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
