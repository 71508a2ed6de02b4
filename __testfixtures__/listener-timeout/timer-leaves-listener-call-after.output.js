// The event clears the timer, and `once` removes its listener; the timer leaves it attached: it now
// removes it. `emitter.emit('waiting')` after the timer may throw, rejecting with the timer armed:
// that path is said, not changed.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.off('ready', onReady);
    }, 100);
    const onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once('ready', onReady);
    emitter.emit('waiting');
  });
}
