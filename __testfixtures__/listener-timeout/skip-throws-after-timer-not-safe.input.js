// Every event and the timer clean up, but `announce()` runs after the timer is armed: if it throws,
// the promise rejects with the timer armed and the listener attached. Not already cleaned.
export function waitReady(emitter, announce) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
    function onReady(value) {
      clearTimeout(timer);
      emitter.off('ready', onReady);
      resolve(value);
    }
    emitter.on('ready', onReady);
    announce();
  });
}
