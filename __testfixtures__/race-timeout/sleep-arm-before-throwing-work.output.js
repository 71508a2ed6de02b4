// A timers/promises sleep raced first, the search after it: if the search throws at its call, the
// race is never made. A try/finally would abort the sleep then, and its rejection would go
// unhandled; `.finally()` on the race runs only for a race that exists.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term) {
  const timerController = new AbortController();
  await Promise.race([sleep(100, 'late', { signal: timerController.signal }), search(term)]).finally(() => timerController.abort());
  return 'done';
}
