// The timer removes the listener after a call that may throw, inside a try with a catch: the
// removal may be skipped, so the listener is not "already removed" on every path.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      try {
        emitter.emit('timeout');
        emitter.removeListener('ready', onReady);
      } catch {}
    }, 100);
    emitter.once('ready', onReady);
  });
}
