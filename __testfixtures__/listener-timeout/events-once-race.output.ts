// `events.once` raced against a timer: when the timer wins, once() keeps its listeners on the emitter.
import { once, type EventEmitter } from 'node:events';

export async function waitReady(emitter: EventEmitter): Promise<string> {
  const listenerController = new AbortController();
  const [value] = await Promise.race([
    once(emitter, 'ready', {
      signal: listenerController.signal
    }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ready timeout')), 100)),
  ]).finally(() => listenerController.abort());
  return value;
}
