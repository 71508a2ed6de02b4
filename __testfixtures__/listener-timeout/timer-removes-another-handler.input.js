export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener('ready', resolve);
      reject(new Error('ready timeout'));
    }, 100);
    emitter.once('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
