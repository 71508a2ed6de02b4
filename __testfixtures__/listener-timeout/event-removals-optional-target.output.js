/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'))
      emitter?.removeListener('ready', onReady)
    }, 1000)
    const onReady = (value) => {
      clearTimeout(timer)
      emitter?.removeListener('ready', onReady)
      resolve(value)
    }
    emitter?.on('ready', onReady)
  })
}
