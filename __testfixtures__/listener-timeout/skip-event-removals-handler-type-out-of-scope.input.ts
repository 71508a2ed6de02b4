// The call types the handler's parameter as `Reply`, an interface declared inside another
// function: the checker prints it by that name, which is not in scope here. Written on the
// parameter, it would not type-check, so it is not written, and the handler is not named.
import { EventEmitter } from 'node:events';

function makeReceiver() {
  interface Reply {
    body: string;
  }
  return new EventEmitter<{ ready: [Reply] }>();
}

export function waitReady(receiver: ReturnType<typeof makeReceiver>): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 100);
    receiver.on('ready', (reply) => {
      clearTimeout(timer);
      resolve(reply.body);
    });
  });
}
