export async function waitReady(emitter) {
  const value = await new Promise((resolve, reject) => {
    let timerHandle;
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
    }, 100);

    const onReady = (value) => {
      clearTimeout(timerHandle);
      resolve(value);
    };

    emitter.on('ready', onReady);
  });
  return value;
}
