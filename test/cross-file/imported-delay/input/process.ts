// A sleep helper imported from another file of the repository, raced against the search: the
// helper's timer is inlined with a handle, and the import it no longer needs goes.
import { delay } from './helpers/delay';

declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    delay(100).then((): never => {
      throw new Error('search canceled');
    }),
  ]);
}
