// No semicolons. The socket is made in the executor, above the timer, and `reject` is its error
// handler as it is.
export function connect(url) {
  let timerHandle
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.onopen = () => resolve(socket)
    socket.onerror = reject
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'))
      socket.onopen = null
      socket.onerror = null
    }, 100)
  }).finally(() => clearTimeout(timerHandle))
}
