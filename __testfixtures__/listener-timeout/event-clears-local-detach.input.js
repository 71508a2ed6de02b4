// Each handler removes both listeners through a local helper, detach(): only the clear is missing.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    function detach() {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
    }
    function onReady(value) {
      detach();
      resolve(value);
    }
    function onError(error) {
      detach();
      reject(error);
    }
    emitter.on('ready', onReady);
    emitter.on('error', onError);
    setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
