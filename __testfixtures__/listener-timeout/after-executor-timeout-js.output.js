export async function waitReady(emitter) {
  let timerHandle;
  const value = await new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 100);
    const onReady = (value) => resolve(value);
    emitter.on('ready', onReady);
  }).finally(() => clearTimeout(timerHandle));
  return value;
}
