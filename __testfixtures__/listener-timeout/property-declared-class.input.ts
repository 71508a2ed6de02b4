// A socket class the page provides, declared in this file: its handler properties take null.
declare class RelaySocket {
  constructor(url: string);
  onopen: (() => void) | null;
  onerror: ((error: Error) => void) | null;
}

export async function connect(url: string): Promise<RelaySocket> {
  const socket = new RelaySocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = (error: Error) => reject(error);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return socket;
}
