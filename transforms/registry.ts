import type { AnyRule } from './engine/rule';
import { abortTimeout } from './rules/abort-timeout';
import { bufferedSlot } from './rules/buffered-slot';
import { callbackSettled } from './rules/callback-settled';
import { executorTimeout } from './rules/executor-timeout';
import { listenerTimeout } from './rules/listener-timeout';
import { raceTimeout } from './rules/race-timeout';
import { watchdogTimeout } from './rules/watchdog-timeout';

// The one list of rules: transforms/all.ts, the README table and the CLI's --help read it. Each site
// of the model belongs to one of them (model/sites.ts), so the order is only the order of reports.
export const registry: readonly AnyRule[] = [raceTimeout, executorTimeout, abortTimeout, callbackSettled, listenerTimeout, bufferedSlot, watchdogTimeout];
