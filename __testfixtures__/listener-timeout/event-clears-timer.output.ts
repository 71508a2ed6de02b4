// The reply handler settles only for its own request, and removes itself when it does; the timer
// removes it too. Only the clear is missing: the handle is kept, and the handler clears the timer
// where it resolves. It is added above the timer with nothing between that could emit.
import type { EventEmitter } from 'node:events';

export function waitReply(receiver: EventEmitter, requestId = 'some value'): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const listener = (reply: string) => {
      if (reply === requestId) {
        clearTimeout(timerHandle);
        resolve(reply);
        receiver.off('ready', listener);
      }
    };
    receiver.on('ready', listener);

    const timerHandle = setTimeout(() => {
      receiver.off('ready', listener);

      reject(new Error('ready timeout'));
    }, 100);
  });
}
