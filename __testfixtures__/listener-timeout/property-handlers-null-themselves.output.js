// Each handler property takes both handlers off the socket when it settles, and the timer takes them
// off when it fires: only the timer is left. When the socket opens or fails first, it stays armed,
// and when it fires later it sets to null whatever handlers the socket holds by then.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    let timerHandle;
    socket.onopen = () => {
      socket.onopen = null;
      socket.onerror = null;
      clearTimeout(timerHandle);
      resolve();
    };
    socket.onerror = () => {
      socket.onopen = null;
      socket.onerror = null;
      clearTimeout(timerHandle);
      reject(new Error('search failed'));
    };
    timerHandle = setTimeout(() => {
      socket.onopen = null;
      socket.onerror = null;
      reject(new Error('ready timeout'));
    }, 100);
  });
  return socket;
}
