// The handler reads `this.url`, typed by the call it is passed to (the socket): it does more
// than settle, and hoisted into a const its `this` would lose that type (TS2683).
export function waitOpen(socket: WebSocket): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    socket.addEventListener('open', function (event: Event) {
      resolve(`${this.url} ${event.type}`);
    });
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
