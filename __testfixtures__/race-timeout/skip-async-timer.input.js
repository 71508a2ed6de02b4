// An async IIFE that waits on a package's sleep and then throws: whether that wait can be cancelled
// is not known from here.
import { sleep } from 'wait-a-while';

export function process(term) {
  return Promise.race([
    search(term),
    (async () => {
      await sleep(100);
      throw new Error('search canceled');
    })(),
  ]);
}
