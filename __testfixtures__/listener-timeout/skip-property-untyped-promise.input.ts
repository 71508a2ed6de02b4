// The promise takes its type from the function's return type: a `.finally()` on it would hide that
// context, and `new Promise` would become `Promise<unknown>`.
declare class RelaySocket {
  constructor(url: string);
  onopen: (() => void) | null;
}

export function connect(url: string): Promise<RelaySocket> {
  const socket = new RelaySocket(url);
  return new Promise((resolve, reject) => {
    socket.onopen = () => resolve(socket);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
