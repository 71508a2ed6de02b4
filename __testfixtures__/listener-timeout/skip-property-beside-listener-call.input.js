// A handler property beside a listener added by a call: the two are not fixed together.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.addEventListener('error', () => reject(new Error('search failed')));
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return socket;
}
