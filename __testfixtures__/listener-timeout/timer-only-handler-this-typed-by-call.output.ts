// The handler reads `this.url`, typed by the call it is passed to (the socket): it does more
// than settle, and hoisted into a const its `this` would lose that type (TS2683).
export function waitOpen(socket: WebSocket): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    socket.addEventListener('open', function (event: Event) {
      resolve(`${this.url} ${event.type}`);
    });
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
  }).finally(() => clearTimeout(timerHandle));
}
