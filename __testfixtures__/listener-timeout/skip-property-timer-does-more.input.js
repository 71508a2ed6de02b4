// The timer also closes the socket: what else a timer's callback does may read or set a handler,
// so no `= null` is added after it.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(() => {
      reject(new Error('ready timeout'));
      socket.close();
    }, 100);
  });
  return socket;
}
