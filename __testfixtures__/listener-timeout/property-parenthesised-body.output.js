// The timer's arrow has a parenthesised body, in a file without semicolons: it becomes a block
// without the parentheses (not `;(reject(…))`).
export async function connect(url) {
  const socket = new WebSocket(url)
  let timerHandle
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve()
    socket.onerror = () => reject(new Error('search failed'))
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'))
      socket.onopen = null
      socket.onerror = null
    }, 100)
  }).finally(() => clearTimeout(timerHandle))
  return socket
}
