// The handler's expression body is in parentheses: they go when it becomes a block.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
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
