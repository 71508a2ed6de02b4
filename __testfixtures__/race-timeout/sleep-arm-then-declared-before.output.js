// The timer is armed by a const right before the race, which takes it through `.then()`: the
// controller is declared before that const, where its signal is passed.
import { setTimeout as sleep } from 'node:timers/promises';

export function process(term) {
  const timerController = new AbortController();
  const late = sleep(100, 'late', { signal: timerController.signal });
  return Promise.race([search(term), late.then((value) => { throw new Error(`search canceled: ${value}`); })]).finally(() => timerController.abort());
}
