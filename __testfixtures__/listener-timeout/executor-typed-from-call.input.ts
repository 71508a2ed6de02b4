// Neither side cleans up. The inline handler becomes a const that calls cleanup() first; its lone
// parameter, typed by the call today, gets that type (and the parentheses it then needs).
interface Receiver {
  on(event: 'ready', listener: (reply: string) => void): this;
  off(event: 'ready', listener: (reply: string) => void): this;
}

export function waitReady(receiver: Receiver): Promise<string> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    receiver.on('ready', reply => resolve(reply));
  });
}
