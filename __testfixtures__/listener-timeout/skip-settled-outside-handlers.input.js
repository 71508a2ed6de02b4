// The promise may be settled outside the handlers (`if (emitter.isReady) resolve('early')`), after
// which the listener and the timer stay: a cleanup in the handlers would not reach that path.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    if (emitter.isReady) resolve('early');
    emitter.once('ready', resolve);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
