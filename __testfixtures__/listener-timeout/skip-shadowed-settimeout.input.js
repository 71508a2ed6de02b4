import { setTimeout } from './fake-clock.js';

export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
