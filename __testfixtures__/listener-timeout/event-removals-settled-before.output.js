/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    if (emitter.readyValue !== undefined) {
      return resolve(emitter.readyValue);
    }
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 1000);
    function onReady(value) {
      clearTimeout(timer);
      emitter.removeListener('ready', onReady);
      resolve(value);
    }
    emitter.on('ready', onReady);
  });
}
