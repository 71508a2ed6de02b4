// The timer takes `onopen` off already, but leaves `onerror` set; the open handler reads its event
// before it settles.
export async function connect(url) {
  const socket = new WebSocket(url)
  let timerHandle
  await new Promise((resolve, reject) => {
    socket.onopen = (event) => {
      if (event.type === 'open') resolve()
    }
    socket.onerror = function () {
      reject(new Error('search failed'))
    }
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'))
      socket.onopen = null
      socket.onerror = null
    }, 100)
  }).finally(() => clearTimeout(timerHandle))
  return socket
}
