// The handler settles with `text.trim()`, a call, which may throw: a cleanup() above it would clear
// the timer first, and a bad message would then leave the promise pending for ever.
/** @param {EventEmitter} emitter */
export function nextMessage(emitter) {
  return new Promise((resolve, reject) => {
    emitter.on('ready', (text) => resolve(text.trim()));
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
