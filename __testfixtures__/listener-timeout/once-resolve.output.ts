// Waits for 'ready' for at most 100 ms. On timeout the listener stays attached (one more per call,
// until MaxListenersExceededWarning); when 'ready' comes first, the timer stays armed.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout>;
    const cleanup = () => {
      clearTimeout(timerHandle);
      emitter.removeListener('ready', onReady);
    };
    const onReady = (...args: Parameters<typeof resolve>) => {
      cleanup();
      resolve(...args);
    };
    emitter.once('ready', onReady);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
  });
}
