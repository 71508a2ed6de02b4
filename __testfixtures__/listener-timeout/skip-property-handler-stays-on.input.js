// The timer takes the close handler off when it fires, but the handler does not take itself off
// when it settles: clearing the timer there would leave it on the socket for good, where the timer
// took it off at the deadline. Reported, not rewritten.
export function waitForClose(socket, expire) {
  let closeEvent;
  return new Promise((resolve, reject) => {
    socket.onclose = (event) => {
      closeEvent = event;
      resolve(closeEvent);
    };
    if (expire)
      setTimeout(() => {
        socket.onclose = null;
        resolve(undefined);
      }, expire);
  });
}
