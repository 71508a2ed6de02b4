/** @param {EventTarget} target */
export function waitReady(target) {
  return new Promise((resolve, reject) => {
    const removeListeners = () => {
      target.removeEventListener('ready', onReady);
      target.removeEventListener('error', onError);
    };
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      removeListeners();
    }, 1000);
    const onReady = (event) => {
      clearTimeout(timer);
      removeListeners();
      resolve(event);
    };
    target.addEventListener('ready', onReady);
    const onError = (event) => {
      clearTimeout(timer);
      removeListeners();
      reject(new Error(`failed: ${event.type}`));
    };
    target.addEventListener('error', onError);
  });
}
