// The handler's parameter is typed by the call as an object type written inline in the emitter's
// declaration. A const of its own would need that type spelled out at the handler, which this does
// not write (nor `any`, nor `import("…")` types): reported, as when no type can be found.
interface Receiver {
  on(event: 'ready', listener: (reply: { id: string; body: string }) => void): this;
  off(event: 'ready', listener: (reply: { id: string; body: string }) => void): this;
}

export function waitReady(receiver: Receiver): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 100);
    receiver.on('ready', (reply) => {
      clearTimeout(timer);
      resolve(reply.body);
    });
  });
}
