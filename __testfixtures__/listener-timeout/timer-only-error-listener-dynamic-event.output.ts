// The event is the caller's: it may be 'error', whose listener, left attached, swallows a late
// error that removed would throw. So the timer does not remove it.
import type { EventEmitter } from 'node:events';

export function onceOrThrow<Emitter extends EventEmitter>(target: Emitter, event: string = 'ready', after: number = 100) {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise((resolve, reject) => {
    target.on(event, resolve);
    timerHandle = setTimeout(() => reject(new Error('Time up')), after);
  }).finally(() => clearTimeout(timerHandle));
}
