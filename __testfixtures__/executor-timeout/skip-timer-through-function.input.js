// The timer rejects through a function of the executor: not followed, so not rewritten.
export function connect(socket, ms) {
  return new Promise((resolve, reject) => {
    let timer;
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    timer = setTimeout(() => {
      fail(new Error('connect timeout'));
    }, ms);
    socket.connect(() => {
      resolve(socket);
    });
  });
}
