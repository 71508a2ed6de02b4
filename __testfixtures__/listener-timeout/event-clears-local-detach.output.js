// Each handler removes both listeners through a local helper, detach(): only the clear is missing.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    function detach() {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
    }
    function onReady(value) {
      detach();
      clearTimeout(timerHandle);
      resolve(value);
    }
    function onError(error) {
      detach();
      clearTimeout(timerHandle);
      reject(error);
    }
    emitter.on('ready', onReady);
    emitter.on('error', onError);
    const timerHandle = setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
