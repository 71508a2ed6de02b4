// `emitter.emit()` in the file says nothing of removeListener: a mitt emitter has on, off and emit
// but no removeListener. Nothing else shows which emitter this is, so the listener is not removed.
export function waitReady(emitter) {
  emitter.emit('waiting');
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.on('ready', (value) => resolve(value));
  }).finally(() => clearTimeout(timerHandle));
}
