// A `@ts-expect-error` above the listener is about its handler: naming the handler above it would
// leave the directive over a line without the error.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    // @ts-expect-error the payload is a string
    emitter.on('ready', (value: string) => resolve(value));
  });
}
