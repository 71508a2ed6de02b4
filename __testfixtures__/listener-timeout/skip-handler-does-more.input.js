// The handler filters messages: clearing the timer whenever it runs would be wrong.
/** @param {import('node:net').Socket} socket */
export function waitReply(socket, id) {
  return new Promise((resolve, reject) => {
    socket.on('message', (message) => {
      if (message.id === id) resolve(message);
    });
    setTimeout(() => reject(new Error('reply timeout')), 100);
  });
}
