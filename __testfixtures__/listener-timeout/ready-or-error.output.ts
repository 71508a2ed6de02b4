// The usual pair: 'ready' resolves, 'error' rejects, and a timer gives up after 100 ms.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout>;
    const cleanup = () => {
      clearTimeout(timerHandle);
      emitter.removeListener('ready', onReady);
      emitter.removeListener('error', onError);
    };
    const onReady = (value: string) => {
      cleanup();
      resolve(value);
    };
    emitter.once('ready', onReady);
    const onError = (...args: Parameters<typeof reject>) => {
      cleanup();
      reject(...args);
    };
    emitter.once('error', onError);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
  });
}
