// An async IIFE that waits and then throws: its wait cannot be cancelled from here.
import { setTimeout as sleep } from 'node:timers/promises';

export function process(term) {
  return Promise.race([
    search(term),
    (async () => {
      await sleep(100);
      throw new Error('search canceled');
    })(),
  ]);
}
