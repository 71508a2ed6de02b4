import { setTimeout as sleep } from 'node:timers/promises';

declare function search(term: string): Promise<string>;
declare const metrics: { increment(name: string): void };

export function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    sleep(100).then(() => {
      metrics.increment('search.timeout');
      throw new Error('search canceled');
    }),
  ]);
}
