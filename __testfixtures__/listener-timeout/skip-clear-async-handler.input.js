// An async handler settles after an await: what runs across it is not followed here, so the clear
// is not added. Left as it is, and reported.
export function waitReady(emitter, check) {
  return new Promise((resolve, reject) => {
    const onReady = async (value) => {
      await check(value);
      resolve(value);
    };
    emitter.once('ready', onReady);
    setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
