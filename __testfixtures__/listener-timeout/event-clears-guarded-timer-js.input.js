// `if (ms) setTimeout(…)` in a block, without semicolons: `let timerHandle` at the top of the
// executor, assigned where the timer is armed.
export function waitReady(emitter, ms = 100) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', onReady)
    if (ms) {
      setTimeout(() => {
        emitter.removeListener('ready', onReady)
        reject(new Error('ready timeout'))
      }, ms)
    }
    function onReady(value) {
      resolve(value)
    }
  })
}
