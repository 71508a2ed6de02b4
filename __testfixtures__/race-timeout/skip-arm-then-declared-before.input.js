// The timer is armed by a const before an await, and raced later through `.then()`: a fix at the
// race would not release it when the await rejects first.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term) {
  const late = sleep(100, 'late');
  const ready = await prepare(term);
  return Promise.race([search(ready), late.then((value) => value)]);
}
