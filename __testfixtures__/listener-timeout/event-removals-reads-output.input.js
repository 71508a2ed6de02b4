// A handler that reads its value (string methods only) before it settles: skipped on later
// events, that reading is seen by no one, so the handler is removed where it settles.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('ready', (data) => {
      const text = data.toString();
      if (text.includes('value')) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}
