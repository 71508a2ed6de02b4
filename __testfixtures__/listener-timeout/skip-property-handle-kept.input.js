// The handle is kept in the executor, and no event clears it: a `.finally()` on the promise cannot
// reach it there.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 100);
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('search failed'));
  });
  return socket;
}
