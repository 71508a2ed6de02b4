// The ready handler clears the timer and drops the error listener, then settles only after a
// follow-up call answers; the error handler and the timer clean up the rest. Every path is clean.
import type { EventEmitter } from 'node:events';

export function waitReady(client: EventEmitter & { ping(): Promise<void> }, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => {
      client.off('ready', onReady);
      client.off('error', onError);
      reject(new Error('ready timeout'));
    }, ms);
    const onReady = () => {
      clearTimeout(timeout);
      client.off('error', onError);
      client
        .ping()
        .then(() => resolve())
        .catch(reject);
    };
    const onError = (error: Error) => {
      clearTimeout(timeout);
      client.off('ready', onReady);
      reject(error);
    };
    client.once('ready', onReady);
    client.once('error', onError);
  });
}
