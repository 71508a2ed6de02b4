// The once() promise is raced, and awaited again after the race when the timer won: aborting its
// listener when the race settles would make that second wait reject. Only the timer is fixed.
import { once, type EventEmitter } from 'node:events';

export async function waitReady(emitter: EventEmitter, patient: boolean): Promise<string> {
  const ready = once(emitter, 'ready');
  try {
    let timerHandle: ReturnType<typeof setTimeout>;
    const [value] = await Promise.race([
      ready,
      new Promise<never>((_, reject) => {
        timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
      }),
    ]).finally(() => clearTimeout(timerHandle));
    return value;
  } catch (error) {
    if (!patient) throw error;
    const [value] = await ready;
    return value;
  }
}
