// TypeScript, a handler whose parameter takes its type from the call: the listeners cannot be named
// without losing it, so only the timer is fixed. The 'error' event rejects with the timer armed.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
    }, 1000);
    emitter.once('error', (error) => reject(error));
    emitter.once('ready', (value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
