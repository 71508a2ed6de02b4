// Neither side cleans up. The inline handler becomes a const that calls cleanup() first; its lone
// parameter, typed by the call today, gets that type (and the parentheses it then needs).
interface Receiver {
  on(event: 'ready', listener: (reply: string) => void): this;
  off(event: 'ready', listener: (reply: string) => void): this;
}

export function waitReady(receiver: Receiver): Promise<string> {
  return new Promise((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout>;
    const cleanup = () => {
      clearTimeout(timerHandle);
      receiver.off('ready', onReady);
    };
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
    const onReady = (reply: string) => {
      cleanup();
      resolve(reply);
    };
    receiver.on('ready', onReady);
  });
}
