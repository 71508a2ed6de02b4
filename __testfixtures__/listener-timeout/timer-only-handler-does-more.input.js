// The handler filters messages: clearing the timer whenever it runs would be wrong.
/** @param {import('node:net').Socket} socket */
export function waitReply(socket, id) {
  return new Promise((resolve, reject) => {
    socket.on('ready', (message) => {
      if (message !== id) resolve(message);
    });
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
