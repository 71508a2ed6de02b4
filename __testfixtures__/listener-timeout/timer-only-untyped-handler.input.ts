import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    emitter.once('ready', (value) => resolve(value));
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
