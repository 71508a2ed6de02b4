// The usual pair: 'ready' resolves, 'error' rejects, a timer gives up after 100 ms. The 'error'
// listener left attached swallows a late error; removed, the emitter would throw it: reported.
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
