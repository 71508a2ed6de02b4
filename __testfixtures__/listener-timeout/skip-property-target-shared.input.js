// The socket is handed to a registry before it opens: other code may set its own handler there.
export async function connect(url, registry) {
  const socket = new WebSocket(url);
  registry.add(socket);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return socket;
}
