// The socket is made in a branch of the executor: the timer's callback cannot reach it.
export function connect(url) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    if (url) {
      const socket = new WebSocket(url);
      socket.onopen = () => resolve(socket);
    } else {
      reject(new Error('no url'));
    }
  });
}
