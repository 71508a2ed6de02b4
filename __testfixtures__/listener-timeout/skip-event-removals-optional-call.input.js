// `emitter.on?.()`: the code does not know that the emitter has `on`, nor then `removeListener`.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on?.('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
