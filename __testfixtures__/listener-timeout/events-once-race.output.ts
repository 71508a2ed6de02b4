// `events.once` raced against a timer: when the timer wins, once() keeps its listeners on the emitter.
import { once, type EventEmitter } from 'node:events';

export async function waitReady(emitter: EventEmitter): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const [value] = await Promise.race([
    once(emitter, 'ready'),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return value;
}
