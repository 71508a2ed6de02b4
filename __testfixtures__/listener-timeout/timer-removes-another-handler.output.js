// The timer removes a listener, but not the one that was added (`resolve`, not the inline handler):
// the handler is named and the timer removes it; the removal already there stays, harmless.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener('ready', resolve);
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 100);
    const onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once('ready', onReady);
  });
}
