// The handler is also called by the executor, before the timer is armed: a clear in it would read
// the handle before it is assigned. Left as it is, and reported.
export function waitMessage(socket, queue) {
  return new Promise((resolve, reject) => {
    const done = () => {
      resolve(queue.shift());
    };
    if (queue.length > 0) return done();
    socket.once('message', done);
    setTimeout(() => {
      socket.removeListener('message', done);
      reject(new Error('message timeout'));
    }, 100);
  });
}
