// Two handlers remove each other and the timer removes both, but neither clears the timer. Without
// semicolons: each clear is a line of its own above the settle, `return resolve(value)` included.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timerHandle = setTimeout(() => {
      emitter.removeListener('ready', onReady)
      emitter.removeListener('error', onError)
      reject(new Error('ready timeout'))
    }, 100)
    function onReady(value) {
      emitter.removeListener('error', onError)
      clearTimeout(timerHandle)
      return resolve(value)
    }
    function onError(error) {
      emitter.removeListener('ready', onReady)
      clearTimeout(timerHandle)
      reject(error)
    }
    emitter.once('ready', onReady)
    emitter.once('error', onError)
  })
}
