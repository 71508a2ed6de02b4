// The timer's callback returns what reject() returns: a `socket.onopen = null;` appended after
// the `return` would be dead code, so the handler would still stay set. Reported, not rewritten.
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(() => {
      return reject(new Error('connect timeout'));
    }, 100);
  });
  return socket;
}
