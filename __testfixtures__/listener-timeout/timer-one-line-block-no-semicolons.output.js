// A timer callback written as a one-line block without semicolons: the removal the fix adds puts
// the block on lines of its own, one statement a line, so it still parses.
export const waitReady = (node) => new Promise((resolve, reject) => {
  const t = setTimeout(() => {
    reject(new Error('ready timeout'))
    node.removeEventListener('ready', cb)
  }, 100)
  const cb = () => {
    clearTimeout(t)
    node.removeEventListener('ready', cb)
    resolve('ready')
  }
  node.addEventListener('ready', cb)
})
