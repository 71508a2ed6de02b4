// A return between the timer and the listener: the handler a fix would name is a const declared
// at the listener, and the timer, which fires after that return, would read it uninitialised.
/** @param {EventEmitter} emitter */
export function waitReady(emitter, skip) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    if (skip) return;
    emitter.on('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
