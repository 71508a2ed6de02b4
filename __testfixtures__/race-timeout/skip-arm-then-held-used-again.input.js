// The sleep is held in a const, raced through `.then`, and awaited again after the race: clearing or
// aborting its timer when the race settles would cut that later await short. Reported, not rewritten.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term) {
  const pause = sleep(100, 'late');
  const found = await Promise.race([search(term), pause.then((value) => value)]);
  await pause;
  return found;
}
