// `resolve(message.value)` reads the payload: an event without one throws there, after a cleanup
// would have cleared the timer, and the promise would then never settle.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', (message) => resolve(message.value));
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
