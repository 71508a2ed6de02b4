// A timeout promise of a package: its timer cannot be cleared from here.
import { timeout } from 'promise-timeout-helpers';

export function process(term) {
  return Promise.race([search(term), timeout(100)]);
}
