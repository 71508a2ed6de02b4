import { setTimeout as delay } from 'node:timers/promises';

declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  const timerController = new AbortController();
  return Promise.race([
    search(term),
    delay(100, undefined, { signal: timerController.signal }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => timerController.abort());
}
