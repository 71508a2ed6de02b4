// The handlers remove both listeners with the capture flag set, but they were added without it: an
// EventTarget keeps them. This does not count those removals, and says what it cannot see.
export function waitReady(target) {
  return new Promise((resolve, reject) => {
    function onReady(event) {
      target.removeEventListener('ready', onReady, true);
      target.removeEventListener('error', onError, true);
      resolve(event.type);
    }
    function onError() {
      target.removeEventListener('ready', onReady, true);
      target.removeEventListener('error', onError, true);
      reject(new Error('failed'));
    }
    target.addEventListener('ready', onReady);
    target.addEventListener('error', onError);
    setTimeout(() => {
      target.removeEventListener('ready', onReady);
      target.removeEventListener('error', onError);
      reject(new Error('timeout'));
    }, 50);
  });
}
