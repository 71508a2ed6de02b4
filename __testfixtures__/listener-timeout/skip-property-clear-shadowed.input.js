// `clearTimeout` and `globalThis` are this module's own here: the timer cannot be cleared by the
// platform's name.
import { clearTimeout, globalThis } from './fake-clock';

export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return [socket, clearTimeout, globalThis];
}
