/** @param {EventEmitter} emitter */
export async function waitReady(emitter) {
  const value = await new Promise((resolve, reject) => {
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
  return value;
}
