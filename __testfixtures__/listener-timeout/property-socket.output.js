// A socket's handler properties raced against a timer: when the timer wins, `onopen` and `onerror`
// stay set on the socket, and a late event still runs them; when the socket opens or fails first,
// the timer stays armed.
export async function connect(url) {
  const socket = new WebSocket(url);
  let timerHandle;
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('search failed'));
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      socket.onopen = null;
      socket.onerror = null;
    }, 100);
  }).finally(() => clearTimeout(timerHandle));
  return socket;
}
