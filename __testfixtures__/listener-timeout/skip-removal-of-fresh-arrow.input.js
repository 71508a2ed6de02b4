// The timer "removes" the handler with a new arrow of the same text: that removes nothing, so the
// site is not already cleaned.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off('ready', (value) => resolve(value));
      reject(new Error('ready timeout'));
    }, 100);
    emitter.on('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
