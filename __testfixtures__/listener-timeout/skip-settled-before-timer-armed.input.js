// Already ready: it resolves, then goes on to arm the timer and add the listener, which stay until
// the timer fires. Not already cleaned.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    if (emitter.ready) resolve(true);
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
  });
}
