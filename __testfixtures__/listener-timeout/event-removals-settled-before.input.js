/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    if (emitter.readyValue !== undefined) {
      return resolve(emitter.readyValue);
    }
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('ready', function onReady(value) {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
