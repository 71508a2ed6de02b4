// The event's handler clears the timer (and `once` removes it when the event comes), but when the
// timer fires the listener stays: the handler is named, and the timer removes it.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.off('ready', onReady);
    }, 100);
    const onReady = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once('ready', onReady);
  });
}
