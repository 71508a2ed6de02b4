// The executor is one line: the timer's callback, given `socket.onopen = null`, would become a block
// of lines inside a line of other code. Reported, not rewritten.
export async function connect(url) {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => { socket.onopen = () => resolve(); setTimeout(() => reject(new Error('t')), 100) })
  return socket
}
