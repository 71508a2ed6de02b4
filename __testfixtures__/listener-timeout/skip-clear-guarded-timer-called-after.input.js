// The handler is also called directly after the timer is armed: its `once` listener never fires
// then, and only the timer, which a clear there would cancel, removes it.
export function waitReady(emitter, ms = 100) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', onReady)
    if (ms) {
      setTimeout(() => {
        emitter.removeListener('ready', onReady)
        reject(new Error('ready timeout'))
      }, ms)
    }
    if (emitter.value !== undefined) onReady(emitter.value)
    function onReady(value) {
      resolve(value)
    }
  })
}
