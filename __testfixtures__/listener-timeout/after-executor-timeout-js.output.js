/** @param {EventEmitter} emitter */
export async function waitReady(emitter) {
  let timerHandle;
  const value = await new Promise((resolve, reject) => {
    const cleanup = () => {
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
  }).finally(() => clearTimeout(timerHandle));
  return value;
}
