// The event clears the timer and removes the other listener; the timer removes both: nothing is left.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      clearTimeout(timer);
      emitter.removeListener('error', onError);
      resolve(value);
    };
    const onError = (error) => {
      clearTimeout(timer);
      emitter.removeListener('ready', onReady);
      reject(error);
    };
    const timer = setTimeout(() => {
      emitter.removeListener('ready', onReady);
      emitter.removeListener('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
    emitter.once('ready', onReady);
    emitter.once('error', onError);
  });
}
