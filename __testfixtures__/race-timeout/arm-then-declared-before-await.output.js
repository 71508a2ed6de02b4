// The timer is armed by a const before an await, and raced later through `.then()`: fixed at the
// race, and said: when the await rejects first, the timer stays armed, as it does today.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term) {
  const timerController = new AbortController();
  const late = sleep(100, 'late', { signal: timerController.signal });
  const ready = await Promise.resolve(term);
  return Promise.race([search(ready), late.then((value) => { throw new Error(`search canceled: ${value}`); })]).finally(() => timerController.abort());
}
