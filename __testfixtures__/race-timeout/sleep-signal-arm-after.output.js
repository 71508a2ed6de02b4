// A timers/promises sleep raced first, given the caller's signal, and the search after it: if the
// search throws at its call, the race is never made. A try/finally would abort the sleep then, and
// its rejection would go unhandled; `.finally()` on the race runs only for a race that exists.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term, signal) {
  const timerController = new AbortController();
  const forwardAbort = () => timerController.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort);
  if (signal?.aborted) {
    forwardAbort();
  }
  await Promise.race([sleep(100, undefined, { signal: timerController.signal }), search(term)]).finally(() => {
    timerController.abort();
    signal?.removeEventListener('abort', forwardAbort);
  });
  return 'done';
}
