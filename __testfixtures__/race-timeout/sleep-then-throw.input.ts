import { setTimeout as delay } from 'node:timers/promises';

declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    delay(100).then(() => {
      throw new Error('search canceled');
    }),
  ]);
}
