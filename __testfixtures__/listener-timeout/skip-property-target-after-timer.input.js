// The socket is made after the timer is armed, and `new WebSocket` throws on a bad URL: the timer's
// callback would then meet `socket` uninitialised.
export function connect(url) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    const socket = new WebSocket(url);
    socket.onopen = () => resolve(socket);
  });
}
