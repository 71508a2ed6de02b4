import { setTimeout } from 'node:timers';

declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
