// A `throw` after the timer is armed, before the listener is added: the handler named there would
// be uninitialised when the timer's cleanup runs.
export function waitReady(emitter, name) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    if (!name) throw new TypeError('a name is needed');
    emitter.on('ready', (value) => resolve(value));
  });
}
