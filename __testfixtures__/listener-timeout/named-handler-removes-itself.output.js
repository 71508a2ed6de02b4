// The handler is a named function expression that removes itself by its own name and clears the
// timer: the event path is clean. The timer does not remove it: it now does, by that name.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.off('ready', onReady);
    }, 100);
    function onReady(value) {
      resolve(value);
      clearTimeout(timeout);
      emitter.off('ready', onReady);
    }
    emitter.on('ready', onReady);
  });
}
