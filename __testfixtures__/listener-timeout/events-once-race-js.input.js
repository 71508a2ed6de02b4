import { once } from 'events';

export function waitReady(emitter) {
  return Promise.race([once(emitter, 'ready'), timeout(100)]).then(([value]) => value);
}
