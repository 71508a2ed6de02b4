// The 'error' listener is `reject` itself, and the 'ready' handler alone clears the timer: an error
// leaves it armed. The timer is cleared once the promise settles; the listeners stay, as they are
// (removing `reject` from 'error' would let a late error throw), and that is said.
export function waitReady(emitter) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('error', reject);
    emitter.on('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  }).finally(() => clearTimeout(timer));
}
