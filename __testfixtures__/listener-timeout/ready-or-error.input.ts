// The usual pair: 'ready' resolves, 'error' rejects, and a timer gives up after 100 ms.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    emitter.once('ready', (value: string) => resolve(value));
    emitter.once('error', reject);
    setTimeout(() => {
      reject(new Error('ready timeout'));
    }, 100);
  });
}
