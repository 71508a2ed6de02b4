// Repeater.race merges async iterators: it is not Promise.race, and a timer iterator raced there is
// not a timeout race of this transform.
import { Repeater } from '@repeaterjs/repeater';

export function process(term) {
  return Repeater.race([search(term), new Promise((resolve) => setTimeout(resolve, 100))]);
}
