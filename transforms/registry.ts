import { abortTimeout } from './abort-timeout';
import { bufferedSlot } from './buffered-slot';
import { callbackSettled } from './callback-settled';
import { executorTimeout } from './executor-timeout';
import type { Codemod } from './lib/codemod';
import { listenerTimeout } from './listener-timeout';
import { raceTimeout } from './race-timeout';

// The one list of transforms: transforms/all.ts, the README table and the CLI's --help read it.
// Order matters where two transforms could touch the same site: each later one recognises what an
// earlier one already fixed and only adds what is missing.
export const registry: readonly Codemod[] = [raceTimeout, executorTimeout, abortTimeout, callbackSettled, listenerTimeout, bufferedSlot];
