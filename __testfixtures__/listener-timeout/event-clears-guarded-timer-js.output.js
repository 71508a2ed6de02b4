// `if (ms) setTimeout(…)` in a block, without semicolons: `let timerHandle` at the top of the
// executor, assigned where the timer is armed.
export function waitReady(emitter, ms = 100) {
  return new Promise((resolve, reject) => {
    let timerHandle
    emitter.once('ready', onReady)
    if (ms) {
      timerHandle = setTimeout(() => {
        emitter.removeListener('ready', onReady)
        reject(new Error('ready timeout'))
      }, ms)
    }
    function onReady(value) {
      clearTimeout(timerHandle)
      resolve(value)
    }
  })
}
