import type { EventEmitter } from 'node:events';

export function waitReady(emitter: EventEmitter): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    emitter.once('ready', (value) => resolve(value));
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
  }).finally(() => clearTimeout(timerHandle));
}
