export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    let timerHandle;

    const onReady = (...args) => {
      clearTimeout(timerHandle);
      resolve(...args);
    };

    emitter.once('ready', onReady);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 100);
  });
}
