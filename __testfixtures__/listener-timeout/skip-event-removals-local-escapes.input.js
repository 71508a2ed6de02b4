// The handler counts into a variable that a closure handed to resolve reads: removed once the
// promise settles, the count would stop where the closure sees it.
/** @param {EventEmitter} emitter */
export function collect(emitter) {
  return new Promise((resolve, reject) => {
    let count = 0;
    function seen() {
      return count;
    }
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('data', () => {
      count++;
      if (count >= 2) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}
