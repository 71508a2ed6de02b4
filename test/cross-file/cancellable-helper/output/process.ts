// A sleep helper of another file that chooses its promise at each call, raced against the search:
// the helper gets an optional `signal` that clears its timer, and the race passes one it aborts
// when it settles.
import { delay } from './common/delay';

declare function search(term: string): Promise<string>;

const SEARCH_TIMEOUT = 100;

export async function process(term: string): Promise<string> {
  const timerController = new AbortController();
  const found = await Promise.race([search(term), delay(SEARCH_TIMEOUT, timerController.signal).then((): never => {
    throw new Error('search canceled');
  })]).finally(() => timerController.abort());
  return found;
}
