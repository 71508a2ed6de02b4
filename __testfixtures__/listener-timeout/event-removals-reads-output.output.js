// A handler that reads its value (string methods only) before it settles: skipped on later
// events, that reading is seen by no one, so the handler is removed where it settles.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 1000);
    const onReady = (data) => {
      const text = data.toString();
      if (text.includes('value')) {
        clearTimeout(timer);
        emitter.removeListener('ready', onReady);
        resolve(text);
      }
    };
    emitter.on('ready', onReady);
  });
}
