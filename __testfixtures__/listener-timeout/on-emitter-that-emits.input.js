// `emitter.emit()` in the file: an EventEmitter, whose listener can be removed with removeListener
export function waitReady(emitter) {
  emitter.emit('waiting');
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.on('ready', (value) => resolve(value));
  });
}
