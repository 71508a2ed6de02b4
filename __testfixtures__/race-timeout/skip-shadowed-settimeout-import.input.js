import { setTimeout } from './fake-clock.js';

export function process(term) {
  return Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
