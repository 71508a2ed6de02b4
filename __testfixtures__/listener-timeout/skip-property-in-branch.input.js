// The error handler is set in a branch: when the timer fires, `socket.onerror` may still hold
// whatever the socket had.
export async function connect(url, failFast) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    if (failFast) socket.onerror = () => reject(new Error('search failed'));
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return socket;
}
