// The handler's parameter is named like the socket: `socket.onopen = null` in it sets a property of
// the event, and the socket keeps both handlers. Reported, not rewritten.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = (socket) => {
      socket.onopen = null;
      socket.onerror = null;
      resolve();
    };
    socket.onerror = () => {
      socket.onopen = null;
      socket.onerror = null;
      reject(new Error('search failed'));
    };
    setTimeout(() => {
      socket.onopen = null;
      socket.onerror = null;
      reject(new Error('ready timeout'));
    }, 100);
  });
  return socket;
}
