// The code removes its listeners by itself, and the error event clears the timer, but the ready
// event does not: the ready handler now clears it too, under the name the code keeps it by.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      emitter.off('error', onError);
      clearTimeout(timer);
      resolve(value);
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
