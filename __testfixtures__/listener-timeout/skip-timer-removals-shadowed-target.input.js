// The timer's callback has an `emitter` of its own: a removal appended there would not reach the
// emitter the listener was added to.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const emitter = 'ready';
      reject(new Error(emitter + ' timeout'));
    }, 1000);
    emitter.on('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
