// The timer arm is an async IIFE that awaits a node:timers/promises sleep, then throws: the sleep
// gets a signal, aborted once the race settles (skipping only the throw, which nothing waits for).
import { setTimeout as delay } from 'node:timers/promises';

declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    (async () => {
      await delay(100);
      throw new Error('search canceled');
    })(),
  ]);
}
