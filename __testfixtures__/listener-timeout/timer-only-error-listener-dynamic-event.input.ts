// The event is the caller's: it may be 'error', whose listener, left attached, swallows a late
// error that removed would throw. So the timer does not remove it.
import type { EventEmitter } from 'node:events';

export function onceOrThrow<Emitter extends EventEmitter>(target: Emitter, event: string = 'ready', after: number = 100) {
  return new Promise((resolve, reject) => {
    target.on(event, resolve);
    setTimeout(() => reject(new Error('Time up')), after);
  });
}
