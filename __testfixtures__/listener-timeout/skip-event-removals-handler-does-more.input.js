// The handler logs every message: removed when 'ready' settles the promise, it would stop logging
// the messages after it.
/** @param {EventEmitter} emitter */
export function waitReady(emitter, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('message', (message) => {
      log.push(message);
      if (message === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
  });
}
