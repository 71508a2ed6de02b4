// The timer removes the listener only when `verbose` is set: on the other runs it stays attached,
// so the site is not "already cleaned".
export function waitReady(emitter, verbose) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      if (verbose) emitter.removeListener('ready', onReady);
    }, 100);
    function onReady(value) {
      clearTimeout(timer);
      resolve(value);
    }
    emitter.once('ready', onReady);
  });
}
