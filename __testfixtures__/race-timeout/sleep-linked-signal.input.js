// A timers/promises sleep given the caller's signal in its options: when the search wins, the timer
// stays armed until the caller aborts. The race's own signal, which follows the caller's, takes its
// place and is aborted when the race settles.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term, options = {}) {
  const { signal } = options;
  const found = search(term);
  return Promise.race([found, sleep(100, 'late', { signal }).then(() => Promise.reject(new Error('search canceled')))]);
}
