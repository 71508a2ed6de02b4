// ws's WebSocket is an EventEmitter: its 'error' listener, even added with addEventListener, swallows
// a late error that, removed, would end the process.
import WebSocket from 'ws';

export function open(url) {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error('connect failed')));
    setTimeout(() => reject(new Error('ready timeout')), 1000);
  });
}
