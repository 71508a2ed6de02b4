// The sleep's signal is the application's, which this race never aborts: its timer stays armed
// after the work wins, until that signal aborts, if ever. The search runs first, so the race's own
// signal follows the application's from the sleep's call on, and is aborted when the race settles.
import { setTimeout as sleep } from 'node:timers/promises';

const app = new AbortController();

export async function process(term) {
  return Promise.race([search(term), sleep(100, 'late', { signal: app.signal })]);
}
