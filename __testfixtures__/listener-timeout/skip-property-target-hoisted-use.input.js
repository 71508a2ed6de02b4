// `onFirstMessage` is declared after the awaited promise, but it is hoisted and added as a listener
// before it: it may run while the timer is armed, and `watch(socket)` may set its own `onerror`,
// which a `socket.onerror = null` in the timer would take off. Reported, not rewritten.
export const log = [];
function watch(s) {
  s.onerror = () => log.push('socket error');
}
export async function connect(url) {
  const socket = new WebSocket(url);
  socket.addEventListener('message', onFirstMessage);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('failed'));
    setTimeout(() => reject(new Error('timeout')), 50);
  });
  return socket;
  function onFirstMessage() {
    watch(socket);
  }
}
