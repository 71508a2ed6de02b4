/** @param {EventTarget} target */
export function waitReady(target) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    target.addEventListener('ready', (event) => {
      clearTimeout(timer);
      resolve(event);
    });
    target.addEventListener('error', (event) => {
      clearTimeout(timer);
      reject(new Error(`failed: ${event.type}`));
    });
  });
}
