// The handler settles with `JSON.parse(text)`, which may throw: a cleanup() above it would clear
// the timer first, and a bad message would then leave the promise pending for ever.
/** @param {EventEmitter} emitter */
export function nextMessage(emitter) {
  return new Promise((resolve, reject) => {
    emitter.on('message', (text) => resolve(JSON.parse(text)));
    setTimeout(() => reject(new Error('no message')), 100);
  });
}
