// The work arm aborts the sleep's signal in its own .finally(): whichever arm wins, the timer is
// released. Already cleared.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term) {
  const controller = new AbortController();
  return Promise.race([
    search(term).finally(() => controller.abort()),
    sleep(100, 'late', { signal: controller.signal }).catch(() => 'aborted'),
  ]);
}
