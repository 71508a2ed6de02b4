// watchdog-timeout: a timer that bounds or reports slow work, cleared by a statement after the awaited
// work: a rejection of that work skips the clear. Fixable by moving the clear into a finally around
// the statements between, when the timer's callback only reports (a throw, a log line, a local flag):
// skipping a report of work that has already failed changes nothing else. A timer that stops the work
// (`child.kill()`, `socket.destroy()`) may be what ends it when it fails: reported, not changed.
import { propertyName } from '../../analysis/resolve';
import { unwrap } from '../../analysis/tree';
import type { RuleContext, Verdict } from '../../engine/rule';
import { isEffectFree } from '../../model/effects';
import type { Facts } from '../../model/facts';
import { readFromOutside } from '../../model/paths';
import { callbackEffects } from '../../model/timer';
import type { WatchdogSite } from '../../model/watchdog';
import type { MessageId } from './messages';

export interface WatchdogPlan {
  site: WatchdogSite;
  /** the statements between the timer and its clear: the try block */
  region: any[];
  /** `clearTimeout(t);`, which moves into the finally with the comment lines above it */
  clearStatement: any;
}

type Result = Verdict<WatchdogPlan>;

// what a report is made with: console, a logger, a debug function, a test's fail
const REPORT_METHODS = new Set(['debug', 'info', 'warn', 'error', 'log', 'trace', 'verbose', 'fail']);
const REPORT_FUNCTIONS = new Set(['debug', 'log', 'fail']);

export function analyzeWatchdog(site: WatchdogSite, { facts }: RuleContext): Result | undefined {
  const text = facts.source;
  if (site.clearedInFinally) return { status: 'safe', messageId: 'alreadyCleared', at: site.node, data: { name: site.handle.name } };
  const region = site.list.slice(site.index + 1, site.clearIndex);
  const clearStatement = site.list[site.clearIndex];
  const data = { name: site.handle.name, work: facts.code(site.uncaught[0], 60) };
  // a call is taken to be work that may fail, but this cannot see that it can: what is not fixed is a warning
  const refuse = (messageId: MessageId, at: any, extra: Record<string, string> = {}): Result => ({ status: 'unknown', messageId, at, data: { ...data, ...extra } });
  // the clear is the code's own statement, moved as it is: its spelling is the file's
  // each await is of a promise made elsewhere, which may only ever fulfil: said, not changed
  if (site.rejection === 'unknown') return { status: 'unknown', messageId: 'rejectionUnknown', at: site.node, data };
  const stops = stoppingEffect(facts, site);
  if (stops) return refuse('timerStopsWork', site.node, { effect: facts.code(stops, 60) });
  const hoisted = region.find((statement) => statement.type === 'FunctionDeclaration');
  if (hoisted) return refuse('functionInRegion', hoisted);
  const outsider = readFromOutside(facts, region);
  if (outsider) return refuse(outsider.node.start > clearStatement.start ? 'declaredForCodeBelow' : 'declaredForCodeAbove', outsider.node, { declared: outsider.name });
  const onOwnLines = (node: any) => text.startsLine(node.start) && text.text.slice(node.end, text.lineEndOf(node.end)).trim() === '';
  if (![site.statement, ...region, clearStatement].every(onOwnLines)) return refuse('sharedLine', region[0] ?? clearStatement);
  return { status: 'fixable', plan: { site, region, clearStatement } };
}

// The first thing the timer's callback does that is not a report, or undefined when it only reports:
// `throw new Error(…)`, `console.warn(…)`, `this.logger.warn(…)`, `debug(…)`, `assert.fail(…)`, with
// arguments that cost nothing; `timedOut = true` on a local of the function.
function stoppingEffect(facts: Facts, site: WatchdogSite): any | undefined {
  const callback = site.timer.callback;
  const effects = callbackEffects(callback);
  if (!effects || site.timer.extraArguments.length > 0) return callback ?? site.node;
  const fn = facts.tree.functionOf(site.statement);
  for (const effect of effects) {
    if (effect.kind === 'other') {
      if (effect.node.type === 'ThrowStatement' && isEffectFree(effect.node.argument)) continue;
      return effect.node;
    }
    if (effect.kind === 'call') {
      const callee = unwrap(effect.call.callee);
      const reports =
        (callee?.type === 'Identifier' && REPORT_FUNCTIONS.has(callee.name)) ||
        ((callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && REPORT_METHODS.has(propertyName(callee) ?? '') && isEffectFree(callee.object));
      if (reports && effect.call.arguments.every(isEffectFree)) continue;
      return effect.call;
    }
    const assignment = effect.assignment;
    const target = unwrap(assignment.left);
    const binding = target?.type === 'Identifier' ? facts.scopes.bindingOf(target) : undefined;
    const local = binding?.kind === 'let' && facts.tree.functionOf(binding.id) === fn;
    if (local && assignment.operator === '=' && isEffectFree(assignment.right)) continue;
    return assignment;
  }
  return undefined;
}
