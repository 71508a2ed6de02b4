// The handler declares its own `emitter`: a removal written before its settle would call the
// payload's removeListener, not the emitter's.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('ready', (value) => {
      const emitter = value.source;
      clearTimeout(timer);
      resolve(emitter);
    });
  });
}
