import type { Rule } from '../../engine/rule';
import type { ExecutorSite } from '../../model/executor';
import { type ExecutorPlan, analyzeExecutor } from './analyze';
import { fixExecutor } from './fix';
import { messages } from './messages';

// `new Promise((resolve, reject) => { setTimeout(() => reject(err), ms); work.then(resolve, reject); })`
// settles from the work but leaves the timer armed when the work wins or fails: it fires later for
// nothing, and keeps the process up. The fix clears the timer as soon as the promise settles
// (`.finally()` on the promise, so every settle path of the executor is covered), and aborts a
// losing `fetch` once the timer has settled the promise. A `withTimeout(p, ms)` helper built this
// way is fixed once, at its definition.
export const executorTimeout: Rule<ExecutorSite, ExecutorPlan> = {
  name: 'executor-timeout',
  summary: 'Clears the timer of a `new Promise` timeout as soon as the promise settles, and aborts a `fetch` that loses to it.',
  messages,
  mayApply: (source) => source.includes('Promise') && source.includes('setTimeout'),
  calls: [{ callee: 'setTimeout', inside: 'Promise' }],
  kinds: ['executor'],
  analyze: analyzeExecutor,
  fix: fixExecutor,
};
