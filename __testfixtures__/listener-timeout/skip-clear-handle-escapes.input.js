// The handle is kept for other code too (a list of pending timers): it may clear it or hold it.
// Left as it is, and reported.
export function waitReady(emitter, pending) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      resolve(value);
    };
    emitter.once('ready', onReady);
    const timer = setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
    pending.add(timer);
  });
}
