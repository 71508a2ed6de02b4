// The handle goes into a variable of the enclosing function, shared with whatever else assigns it:
// a clear of it in the handler may reach another timer. Left as it is, and reported.
export function makeWaiter(emitter) {
  let timer;
  return () =>
    new Promise((resolve, reject) => {
      const onReady = (value) => {
        resolve(value);
      };
      emitter.once('ready', onReady);
      timer = setTimeout(() => {
        emitter.removeListener('ready', onReady);
        reject(new Error('ready timeout'));
      }, 100);
    });
}
