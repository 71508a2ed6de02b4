// The sleep's signal is the application's, which this race never aborts: its timer stays armed
// after the work wins, until that signal aborts, if ever. The search runs first, so the race's own
// signal follows the application's from the sleep's call on, and is aborted when the race settles.
import { setTimeout as sleep } from 'node:timers/promises';

const app = new AbortController();

export async function process(term) {
  const timerController = new AbortController();
  let stopFollowing;
  const followSignal = (signal) => {
    const forwardAbort = () => timerController.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort);
    if (signal?.aborted) {
      forwardAbort();
    }
    stopFollowing = () => signal?.removeEventListener('abort', forwardAbort);
    return timerController.signal;
  };
  return Promise.race([search(term), sleep(100, 'late', { signal: followSignal(app.signal) })]).finally(() => {
    timerController.abort();
    stopFollowing?.();
  });
}
