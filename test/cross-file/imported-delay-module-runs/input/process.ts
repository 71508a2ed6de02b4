// The helper's module does more than declare (it registers itself when loaded): once the helper is
// inlined, the module is still imported for that, with nothing taken from it.
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
