// No semicolons. The socket is made in the executor, above the timer, and `reject` is its error
// handler as it is.
export function connect(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.onopen = () => resolve(socket)
    socket.onerror = reject
    setTimeout(() => {
      reject(new Error('ready timeout'))
    }, 100)
  })
}
