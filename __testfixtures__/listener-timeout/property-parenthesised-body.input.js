// The timer's arrow has a parenthesised body, in a file without semicolons: it becomes a block
// without the parentheses (not `;(reject(…))`).
export async function connect(url) {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve()
    socket.onerror = () => reject(new Error('search failed'))
    setTimeout(() => (reject(new Error('ready timeout'))), 100)
  })
  return socket
}
