/** @param {EventEmitter} emitter */
export async function waitReady(emitter) {
  let timerHandle;
  const value = await new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.on('ready', (value) => resolve(value));
  }).finally(() => clearTimeout(timerHandle));
  return value;
}
