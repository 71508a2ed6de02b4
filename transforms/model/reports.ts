// What a timer's callback may do besides settling, and still be cleared once the race is over: report.
// A log line (a method of the global `console`, or of a logger: a name that says so) with arguments
// that cost nothing, alone or behind a flag that costs nothing to read (`DEBUG_BUILD && debug.log(…)`),
// or a throw of a platform error. Cleared once the work has won (or failed), the timer no longer
// writes its "timed out" line about work that did not time out: that line is the leak's, not the
// code's behaviour. Anything else it calls may stop or tell something, and is not a report here.
import { propertyName } from '../analysis/resolve';
import { unwrap } from '../analysis/tree';
import { isEffectFree } from './effects';
import type { Facts } from './facts';
import type { Effect } from './timer';

const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error', 'log', 'trace', 'verbose']);
const LOGGER_NAME = /^_*(?:logger|log|console|debug)$/i;
/** the platform's error classes: a constructor of the code's own may do anything */
const ERROR_CLASSES = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/** `console.warn(…)`, `logger.info(…)`, `this.log.debug(…)`, `this._logger.error(…)`, with quiet arguments */
function isLogLine(facts: Facts, call: any): boolean {
  const callee = unwrap(call?.callee);
  if ((callee?.type !== 'MemberExpression' && callee?.type !== 'OptionalMemberExpression') || !LOG_METHODS.has(propertyName(callee) ?? '') || !call.arguments.every((argument: any) => isQuiet(facts, argument))) return false;
  const object = unwrap(callee.object);
  if (object?.type === 'Identifier' && object.name === 'console') return facts.scopes.isGlobalReference(object);
  const name = object?.type === 'Identifier' ? object.name : propertyName(object);
  return name !== undefined && LOGGER_NAME.test(name) && isEffectFree(object);
}

/** a log line as a callback's effect: the call itself, or `flag && log(…)` with a flag that costs nothing to read */
export function isReportEffect(facts: Facts, effect: Effect): boolean {
  if (effect.kind === 'call') return isLogLine(facts, effect.call);
  if (effect.kind !== 'other' || effect.node.type !== 'ExpressionStatement') return false;
  const expression = unwrap(effect.node.expression);
  return expression?.type === 'LogicalExpression' && expression.operator === '&&' && isEffectFree(expression.left) && unwrap(expression.right)?.type === 'CallExpression' && isLogLine(facts, unwrap(expression.right));
}

/** `new Error('…')`, `new TypeError(…)` of the platform, or a string, with quiet arguments */
export function isPlainError(facts: Facts, node: any): boolean {
  const value = unwrap(node);
  if (value?.type === 'StringLiteral' || value?.type === 'TemplateLiteral' || (value?.type === 'Literal' && typeof value.value === 'string')) return isEffectFree(value);
  const callee = value?.type === 'NewExpression' || value?.type === 'CallExpression' ? unwrap(value.callee) : undefined;
  return callee?.type === 'Identifier' && ERROR_CLASSES.has(callee.name) && facts.scopes.isGlobalReference(callee) && value.arguments.every((argument: any) => isQuiet(facts, argument));
}

// effect-free, and any `new` in it of a platform error class only (`{ cause: new Report(child) }`
// runs the code's own constructor, which may do anything: kill the child, say)
function isQuiet(facts: Facts, node: any): boolean {
  if (!isEffectFree(node)) return false;
  const made = [unwrap(node), ...facts.tree.within(node, 'NewExpression')].filter((each) => each?.type === 'NewExpression');
  return made.every((each) => unwrap(each.callee)?.type === 'Identifier' && ERROR_CLASSES.has(unwrap(each.callee).name) && facts.scopes.isGlobalReference(unwrap(each.callee)));
}

/** the last effect's call, when every effect before it is a report: `log.warn('timed out'); reject(err)` */
export function settleAfterReports(facts: Facts, effects: Effect[]): any | undefined {
  const last = effects[effects.length - 1];
  // `return log(…); reject(err)`: what follows a return never runs
  if (last?.kind !== 'call' || !effects.slice(0, -1).every((effect) => isReportEffect(facts, effect) && statementOf(effect)?.type !== 'ReturnStatement')) return undefined;
  return last.call;
}

function statementOf(effect: Effect): any {
  return effect.kind === 'other' ? effect.node : effect.statement;
}
