// `resolve('already')` above the timer does not leave the executor: it goes on to arm the timer,
// and a clear in the handlers would not reach it. Reported, not rewritten.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    if (emitter.ready) resolve('already');
    function onReady(value) {
      emitter.off('error', onError);
      resolve(value);
    }
    function onError(error) {
      emitter.off('ready', onReady);
      reject(error);
    }
    emitter.once('ready', onReady);
    emitter.once('error', onError);
    setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('timeout'));
    }, 100);
  });
}
