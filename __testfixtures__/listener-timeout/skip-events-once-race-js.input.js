// once() on an EventEmitter adds an 'error' listener beside its own, which aborting it would
// remove (a late error would then throw): the listener is left, and the timer cannot be seen into.
import { once } from 'events';

export function waitReady(emitter) {
  return Promise.race([once(emitter, 'ready'), timeout(100)]).then(([value]) => value);
}
