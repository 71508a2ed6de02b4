// `FakeSocket` is a class of this file, not a platform class: its own code calls `this.onopen()`
// without a check, so a `socket.onopen = null` in the timer would make it throw. Reported, not
// rewritten.
class FakeSocket {
  constructor(delay) {
    this.onopen = undefined;
    this.onerror = undefined;
    setTimeout(() => this.onopen(), delay);
  }
}

export async function connect(delay) {
  const socket = new FakeSocket(delay);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('socket failed'));
    setTimeout(() => reject(new Error('connect timeout')), 50);
  });
  return socket;
}
