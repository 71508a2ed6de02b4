// Waits for 'ready' for at most 100 ms. On timeout the listener stays attached (one more per call,
// until MaxListenersExceededWarning); when 'ready' comes first, the timer stays armed.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    emitter.once('ready', resolve);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
