export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    setTimeout(() => {
      emitter.destroy();
      reject(new Error('ready timeout'));
    }, 100);
  });
}
