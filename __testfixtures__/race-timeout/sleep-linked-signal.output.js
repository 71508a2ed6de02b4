// A timers/promises sleep given the caller's signal in its options: when the search wins, the timer
// stays armed until the caller aborts. The race's own signal, which follows the caller's, takes its
// place and is aborted when the race settles.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term, options = {}) {
  const { signal } = options;
  const found = search(term);
  const timerController = new AbortController();
  const forwardAbort = () => timerController.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort);
  if (signal?.aborted) {
    forwardAbort();
  }
  return Promise.race([found, sleep(100, 'late', { signal: timerController.signal }).then(() => Promise.reject(new Error('search canceled')))]).finally(() => {
    timerController.abort();
    signal?.removeEventListener('abort', forwardAbort);
  });
}
