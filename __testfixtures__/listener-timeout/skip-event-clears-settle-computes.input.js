// The ready handler settles with what it parses: a clear put before `resolve(JSON.parse(…))` would
// run before a parse that throws, and leave the promise pending with the timer that settles it
// cleared. Reported, not rewritten.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      emitter.off('error', onError);
      resolve(JSON.parse(value));
    };
    const onError = (error) => {
      clearTimeout(timer);
      emitter.off('ready', onReady);
      reject(error);
    };
    const timer = setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
    emitter.once('ready', onReady);
    emitter.once('error', onError);
  });
}
