// `events.once` started before other awaited work and raced later: the signal the fix gives it is
// created before the statement that calls once(), not next to the race.
import { once, type EventEmitter } from 'node:events';

export async function waitReady(emitter: EventEmitter): Promise<string> {
  const ready = once(emitter, 'ready');
  await Promise.resolve();
  let timerHandle: ReturnType<typeof setTimeout>;
  const [value] = await Promise.race([
    ready,
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return value;
}
