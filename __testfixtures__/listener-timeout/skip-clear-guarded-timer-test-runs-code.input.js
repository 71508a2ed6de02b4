// The timer is armed under a test that runs code (`shouldExpire()` may emit): the handle is not
// moved to the top of the executor around it.
export function waitReady(emitter, shouldExpire) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', onReady)
    if (shouldExpire()) {
      setTimeout(() => {
        emitter.removeListener('ready', onReady)
        reject(new Error('ready timeout'))
      }, 100)
    }
    function onReady(value) {
      resolve(value)
    }
  })
}
