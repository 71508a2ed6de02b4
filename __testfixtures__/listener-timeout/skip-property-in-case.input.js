// The promise is awaited directly in a `case`: the timer's handle would be a `let` declared there,
// shared by every case of the switch (no-case-declarations). Reported, not rewritten.
export async function connect(kind, url) {
  const socket = new WebSocket(url);
  switch (kind) {
    case 'open':
      await new Promise((resolve, reject) => {
        socket.onopen = () => resolve();
        setTimeout(() => reject(new Error('connect timeout')), 100);
      });
      break;
    default:
      break;
  }
  return socket;
}
