// The handler settles with `text.trim()`, a call, which may throw: a cleanup() above it would clear
// the timer first, and a bad message would then leave the promise pending for ever.
/** @param {EventEmitter} emitter */
export function nextMessage(emitter) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    emitter.on('ready', (text) => resolve(text.trim()));
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
  }).finally(() => clearTimeout(timerHandle));
}
