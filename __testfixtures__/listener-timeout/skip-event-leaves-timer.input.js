// The code removes its listeners by itself, and the error event clears the timer, but the ready
// event does not: the gap is on an event's path, in cleanup code of its own. Reported, not rewritten.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      emitter.off('error', onError);
      resolve(value);
    };
    const onError = (error) => {
      clearTimeout(timer);
      emitter.off('ready', onReady);
      reject(error);
    };
    const timer = setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
    emitter.once('ready', onReady);
    emitter.once('error', onError);
  });
}
