import type { Rule } from '../../engine/rule';
import type { WatchdogSite } from '../../model/watchdog';
import { type WatchdogPlan, analyzeWatchdog } from './analyze';
import { fixWatchdog } from './fix';
import { messages } from './messages';

// `const bomb = setTimeout(() => { throw new Error('not done in 2 s'); }, 2000); await pool.getConnection();
// clearTimeout(bomb);`: when the awaited work rejects, the clear after it is skipped and the timer
// stays armed, then throws (or logs, or flips a flag) about work that is long over. The fix moves the
// clear into a finally around the statements between, when the timer only reports.
export const watchdogTimeout: Rule<WatchdogSite, WatchdogPlan> = {
  name: 'watchdog-timeout',
  summary: 'Moves the clear of a watchdog timer (one that only reports slow work) into a finally, so a rejection of the awaited work clears it too.',
  messages,
  mayApply: (source) => source.includes('clearTimeout') && source.includes('await'),
  calls: ['clearTimeout'],
  kinds: ['watchdog'],
  analyze: analyzeWatchdog,
  fix: fixWatchdog,
};
