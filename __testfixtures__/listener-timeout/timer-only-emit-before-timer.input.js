// The handler is added above the timer with an emit between them: it may settle the promise and
// clean up before the timer exists.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.on('ready', (value) => resolve(value));
    emitter.emit('ping');
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
