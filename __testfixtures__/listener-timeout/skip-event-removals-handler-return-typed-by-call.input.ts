// The call types the handler's return too (`'keep' | 'drop'`): inline, `return 'drop'` is that
// literal; named as a const of its own, it would widen to string and no longer fit the listener
// type. The output would not type-check, so the handler is not named.
interface Receiver {
  on(event: 'ready', listener: (reply: string) => 'keep' | 'drop'): this;
  off(event: 'ready', listener: (reply: string) => 'keep' | 'drop'): this;
}

export function waitReady(receiver: Receiver): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 100);
    receiver.on('ready', (reply) => {
      clearTimeout(timer);
      resolve(reply);
      return 'drop';
    });
  });
}
