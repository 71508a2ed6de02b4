// Two named handlers clear the timer and remove each other; the timer removes neither. It now does.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.off('ready', onReady);
      emitter.off('error', onError);
    }, 100);
    const onReady = (value: string) => {
      clearTimeout(timer);
      emitter.off('error', onError);
      resolve(value);
    };
    const onError = (error: Error) => {
      clearTimeout(timer);
      emitter.off('ready', onReady);
      reject(error);
    };
    emitter.once('ready', onReady);
    emitter.once('error', onError);
  });
}
