import { once } from 'events';

export function waitReady(emitter) {
  const listenerController = new AbortController();
  return Promise.race([once(emitter, 'ready', { signal: listenerController.signal }), timeout(100)]).finally(() => listenerController.abort()).then(([value]) => value);
}
