import { setTimeout as sleep } from 'node:timers/promises';

declare function search(term: string): Promise<string>;

const TIMEOUT = Symbol('timeout');

export async function process(term: string): Promise<string> {
  const timerController = new AbortController();
  const record = await Promise.race([search(term), sleep(100, TIMEOUT, { signal: timerController.signal })]).finally(() => timerController.abort());
  if (record === TIMEOUT) throw new Error('search canceled');
  return record;
}
