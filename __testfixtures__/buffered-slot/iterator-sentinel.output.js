import { setTimeout as sleep } from 'node:timers/promises';

async function* findRecords(term) {
  yield await search(term);
}

// The timer resolves with a sentinel: a rejection handler would never see the timeout.
export async function process(term) {
  const records = findRecords(term);
  const timerController = new AbortController();
  return Promise.race([records.next(), sleep(100, 'timed out', { signal: timerController.signal })]).finally(() => timerController.abort());
}
