import type { Rule } from '../../engine/rule';
import type { CallbackSite } from '../../model/callback';
import { type CallbackPlan, analyzeCallback } from './analyze';
import { fixCallback } from './fix';
import { messages } from './messages';

// A timer calls `done(new Error('search canceled'))`; the late producer then calls `done(err,
// record)` again: "callback was already called". The fix routes every call through one `doneOnce`
// guarded by a settled flag (the first call wins, later ones are dropped), which also clears the
// timer, so a producer that finishes first leaves nothing armed.
export const callbackSettled: Rule<CallbackSite, CallbackPlan> = {
  name: 'callback-settled',
  summary: 'Guards a callback that both a timer and a late producer call with a settled flag (the first call wins), and clears the timer when the producer finishes first.',
  messages,
  mayApply: (source) => source.includes('setTimeout'),
  calls: [{ callee: 'setTimeout', callsParameter: true }],
  kinds: ['callback'],
  analyze: analyzeCallback,
  fix: fixCallback,
};
