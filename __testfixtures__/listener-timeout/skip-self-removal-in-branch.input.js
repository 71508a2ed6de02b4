// The handler removes itself only for its own request, but settles for any: the listener can stay
// attached after the promise settled, so the site is not already cleaned.
export function waitReady(emitter, requestId) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
    function onReady(value) {
      clearTimeout(timer);
      if (value === requestId) emitter.off('ready', onReady);
      resolve(value);
    }
    emitter.on('ready', onReady);
  });
}
