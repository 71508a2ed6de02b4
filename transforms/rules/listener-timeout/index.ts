import type { Rule } from '../../engine/rule';
import type { ExecutorSite } from '../../model/executor';
import type { RaceSite } from '../../model/race';
import { type ListenerPlan, analyzeListener } from './analyze';
import { fixListener } from './fix';
import { messages } from './messages';

// A listener raced against a timer keeps its closure (and grows the emitter's listener list) when
// the timer wins; the timer stays armed when the event wins. The fix releases both on every path.
export const listenerTimeout: Rule<ExecutorSite | RaceSite, ListenerPlan> = {
  name: 'listener-timeout',
  summary: 'Removes every listener and clears the timer, whichever of an event or the timer settles first; gives `events.once()` raced against a timer on an EventTarget a signal aborted when the race settles.',
  messages,
  mayApply: (source) => /\b(?:once|on|addListener|prependListener|prependOnceListener|addEventListener)\b|\.on[a-z]+\s*=[^=]/.test(source) && /setTimeout|race/.test(source),
  calls: [{ callee: 'setTimeout', inside: 'Promise' }, 'race'],
  kinds: ['listener', 'race'],
  analyze: analyzeListener,
  fix: fixListener,
};
