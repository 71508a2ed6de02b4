import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = new Error('ready timeout');
      reject(err);
      emitter.removeListener('ready', onReady);
    }, 1000);
    const onReady = (value: string) => {
      if (value !== 'another value') {
        clearTimeout(timer);
        emitter.removeListener('ready', onReady);
        resolve(value);
      }
    };
    emitter.on('ready', onReady);
  });
}
