// The timer calls `reject` itself, with its error as setTimeout's argument: there is no callback to
// set the handler to null in.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(reject, 100, new Error('ready timeout'));
  });
  return socket;
}
