/** @param {EventEmitter} emitter */
export async function waitReady(emitter) {
  const value = await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.on('ready', (value) => resolve(value));
  });
  return value;
}
