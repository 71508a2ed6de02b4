import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = new Error('ready timeout');
      reject(err);
    }, 1000);
    emitter.on('ready', (value: string) => {
      if (value !== 'another value') {
        clearTimeout(timer);
        resolve(value);
      }
    });
  });
}
