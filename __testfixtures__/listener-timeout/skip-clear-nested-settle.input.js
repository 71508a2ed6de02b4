// The handler settles from a callback of its own, later: the settle is not a statement of the
// handler to put the clear beside. Left as it is, and reported.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      setImmediate(() => resolve(value));
    };
    emitter.once('ready', onReady);
    setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
