// The usual pair: 'ready' resolves, 'error' rejects, and a timer gives up after 100 ms.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout> | undefined;

    const onReady = (value: string) => {
      clearTimeout(timerHandle);
      resolve(value);
    };

    emitter.once('ready', onReady);

    const onError = (...args: Parameters<typeof reject>) => {
      clearTimeout(timerHandle);
      reject(...args);
    };

    emitter.once('error', onError);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', onReady);
      emitter.removeListener('error', onError);
    }, 100);
  });
}
