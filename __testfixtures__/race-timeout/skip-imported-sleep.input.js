import { delay } from './delay.js';

export function process(term) {
  return Promise.race([search(term), delay(100).then(() => Promise.reject(new Error('search canceled')))]);
}
