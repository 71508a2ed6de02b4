// `resolve` itself is the listener: there is no statement of a handler to clear the timer beside.
// Left as it is, and reported.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    setTimeout(() => {
      emitter.removeListener('ready', resolve);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
