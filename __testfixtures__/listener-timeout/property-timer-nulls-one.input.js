// The timer takes `onopen` off already, but leaves `onerror` set; the open handler reads its event
// before it settles.
export async function connect(url) {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.onopen = (event) => {
      if (event.type === 'open') resolve()
    }
    socket.onerror = function () {
      reject(new Error('search failed'))
    }
    setTimeout(() => {
      reject(new Error('ready timeout'))
      socket.onopen = null
    }, 100)
  })
  return socket
}
