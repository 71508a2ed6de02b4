// `emitter.emit()` in the file: an EventEmitter, whose listener can be removed with removeListener
export function waitReady(emitter) {
  emitter.emit('waiting');
  return new Promise((resolve, reject) => {
    let timerHandle;
    const cleanup = () => {
      clearTimeout(timerHandle);
      emitter.removeListener('ready', onReady);
    };
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
    const onReady = (value) => {
      cleanup();
      resolve(value);
    };
    emitter.on('ready', onReady);
  });
}
