import type { Rule } from '../../engine/rule';
import type { AbortSite } from '../../model/abort';
import { type AbortPlan, analyzeAbort } from './analyze';
import { fixAbort } from './fix';
import { messages } from './messages';

// `const c = new AbortController(); setTimeout(() => c.abort(), ms); await fetch(url, { signal: c.signal })`
// bounds the request, but the abort timer is never cleared (or only when fetch succeeds): it fires
// after the work is done, keeps the process up until then, and holds the controller. The fix keeps
// the handle and clears it on every exit from the statements that use the signal, reading the body
// included. `--prefer-signal-timeout=true` uses `AbortSignal.timeout(ms)` instead, whose rejection is
// a `TimeoutError`, not an `AbortError`: refused when the file looks at error names.
export const abortTimeout: Rule<AbortSite, AbortPlan> = {
  name: 'abort-timeout',
  summary: 'Clears the timer that aborts an `AbortController` on every exit from the code that uses its signal (body read included), or opts into `AbortSignal.timeout()`.',
  messages,
  mayApply: (source) => source.includes('abort') && source.includes('setTimeout'),
  calls: [{ callee: 'abort', inside: 'setTimeout' }],
  kinds: ['abort'],
  analyze: analyzeAbort,
  fix: fixAbort,
};
