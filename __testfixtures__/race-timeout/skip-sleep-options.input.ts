import { setTimeout as sleep } from 'node:timers/promises';

declare function search(term: string): Promise<string>;

export async function process(term: string, options: { ref?: boolean } = {}): Promise<string> {
  const record = await Promise.race([search(term), sleep(100, null, options)]);
  if (record === null) throw new Error('search canceled');
  return record;
}
