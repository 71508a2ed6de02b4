import { delay } from './delay.js';

export function process(term) {
  // p-timeout-style helper: its timer is not visible from here
  return Promise.race([search(term), delay(100).then(() => Promise.reject(new Error('search canceled')))]);
}
