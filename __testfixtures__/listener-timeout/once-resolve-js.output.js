export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    let timerHandle;
    const cleanup = () => {
      clearTimeout(timerHandle);
      emitter.off('ready', onReady);
    };
    const onReady = (...args) => {
      cleanup();
      resolve(...args);
    };
    emitter.once('ready', onReady);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
  });
}
