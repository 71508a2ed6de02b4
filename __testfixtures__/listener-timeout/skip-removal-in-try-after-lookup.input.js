// The timer's removal sits in a try after `waiters.get('ready').delete(…)`, which throws when there
// is no entry: the catch then skips the removal and the listener stays. Not already cleaned.
/** @param {import('node:events').EventEmitter} emitter */
export function waitReady(emitter, waiters) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once('ready', onReady);
    const timer = setTimeout(() => {
      try {
        waiters.get('ready').delete(onReady);
        emitter.removeListener('ready', onReady);
      } catch {}
      reject(new Error('timeout'));
    }, 100);
  });
}
