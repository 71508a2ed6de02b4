// The timer is armed in a branch: a promise with no deadline has no timer to clear.
export async function connect(url, ms) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    if (ms > 0) setTimeout(() => reject(new Error('ready timeout')), ms);
  });
  return socket;
}
