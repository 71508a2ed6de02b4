// `resolve(socket)` above the timer does not leave the executor: it goes on to arm the timer, which
// nothing clears when the socket was open already. That settle leaves the timer armed, and the handle
// is kept where a `.finally()` cannot clear it. Reported, not rewritten.
export function connect(url) {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    if (socket.readyState === 1) resolve(socket);
    const timer = setTimeout(() => reject(new Error('connect timeout')), 50);
    socket.onopen = () => {
      clearTimeout(timer);
      resolve(socket);
    };
    socket.onerror = () => {
      clearTimeout(timer);
      reject(new Error('connect failed'));
    };
  });
}
