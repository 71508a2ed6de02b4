// The ready handler removes the error listener with an optional call (`emitter?.off(…)`): every
// listener is removed on every path, and only the clear is missing.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      emitter?.off('error', onError);
      clearTimeout(timerHandle);
      resolve(value);
    };
    emitter.once('ready', onReady);
    const onError = (error) => {
      emitter.off('ready', onReady);
      clearTimeout(timerHandle);
      reject(error);
    };
    emitter.once('error', onError);
    const timerHandle = setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
