// The open handler also says hello: a late open after the timer still sends it, which setting the
// handler to null would skip.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => {
      socket.send('hello');
      resolve();
    };
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return socket;
}
