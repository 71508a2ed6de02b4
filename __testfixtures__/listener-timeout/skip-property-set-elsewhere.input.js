// A caller's open handler replaces the promise's own before the socket opens: when the timer fires,
// `socket.onopen` may hold the caller's handler.
export function connect(url, onOpen) {
  const socket = new WebSocket(url);
  const opened = new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  if (onOpen) socket.onopen = onOpen;
  return opened;
}
