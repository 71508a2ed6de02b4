export function waitReady(emitter, disconnect) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      disconnect().then(() => {
        reject(new Error('ready timeout'));
      });
    }, 1000);
    const onReady = (value) => {
      clearTimeout(timer);
      emitter.removeListener('ready', onReady);
      resolve(value);
    };
    emitter.on('ready', onReady);
  });
}
