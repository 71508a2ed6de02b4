// The handler's parameter takes its type from the call it is passed to (`reply: string`, by the
// overload for 'ready'). Named as a const of its own so the timer can remove it, it is given that
// type, as the project's own TypeScript gives it, and the output type-checks as the input did.
interface Receiver {
  on(event: 'ready', listener: (reply: string) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  off(event: 'ready', listener: (reply: string) => void): this;
  off(event: 'error', listener: (error: Error) => void): this;
}

export function waitReady(receiver: Receiver): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      receiver.off('ready', onReady);
    }, 100);
    const onReady = (reply: string) => {
      clearTimeout(timer);
      receiver.off('ready', onReady);
      resolve(reply);
    };
    receiver.on('ready', onReady);
  });
}
