// executor-timeout's output for once-resolve: the timer is cleared when the promise settles, but
// the listener still stays attached when the timer wins. Only the removal is added.
import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout> | undefined;
  return new Promise<string>((resolve, reject) => {
    emitter.once('ready', resolve);
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      emitter.removeListener('ready', resolve);
    }, 100);
  }).finally(() => clearTimeout(timerHandle));
}
