// `Socket` imported from a package is that package's class, not Node's net.Socket: nothing shows
// that it has removeListener.
import { Socket } from 'some-client';

/** @param {Socket} socket */
export function waitConnected(socket) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 1000);
    socket.on('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
