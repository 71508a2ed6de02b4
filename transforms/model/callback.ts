// A function whose callback parameter a timer calls, and the work calls too: `setTimeout(() =>
// done(err), ms); search(term, done)`. The timer, the callback's binding and every use of it.
import type { Binding, Reference } from '../analysis/scope';
import { isFunction, unwrap } from '../analysis/tree';
import type { Facts } from './facts';
import { foreignOrShadowed, spelledSetTimeout } from './spelling';
import { type TimerFact, setTimeoutOf, timerFact } from './timer';

export interface CallbackSite {
  kind: 'callback';
  /** the setTimeout call */
  node: any;
  timer?: TimerFact;
  /** the function the callback is a parameter of */
  fn: any;
  callback: Binding;
  /** every reference to the callback after its declaration */
  references: Reference[];
  /** those outside the timer's callback */
  others: Reference[];
  /** spelled `setTimeout`, but not the platform's */
  lookalike?: { name: string; node: any; foreign?: boolean };
}

export function timerCalls(facts: Facts): any[] {
  return facts.tree.ofType('CallExpression').filter((call) => call.arguments.length >= 1 && (setTimeoutOf(facts.resolver, call) !== undefined || spelledSetTimeout(call)));
}

/** `new Promise(fn)`: fn is its executor */
export function isPromiseExecutor(facts: Facts, fn: any): boolean {
  const parent = facts.tree.parent(fn);
  return parent?.type === 'NewExpression' && parent.arguments[0] === fn && unwrap(parent.callee)?.type === 'Identifier' && unwrap(parent.callee).name === 'Promise';
}

export function buildCallbackSite(facts: Facts, call: any): CallbackSite | undefined {
  const { tree, scopes } = facts;
  const fn = tree.functionOf(call);
  if (!isFunction(fn) || isPromiseExecutor(facts, fn)) return undefined;
  const timerCallback = call.arguments[0];
  if (!isFunction(timerCallback)) return undefined;
  // a call, inside the timer's callback, of a parameter of the function
  const called = tree
    .within(timerCallback, 'CallExpression')
    .map((inner) => unwrap(inner.callee))
    .find((callee) => callee?.type === 'Identifier' && scopes.bindingOf(callee)?.kind === 'param' && scopes.bindingOf(callee)?.declaration === fn);
  if (!called) return undefined;
  const callback = scopes.bindingOf(called)!;
  const references = callback.references;
  const others = references.filter((reference) => !tree.isInside(reference.node, timerCallback));
  // only the timer calls it: nothing races
  if (others.length === 0) return undefined;
  const platform = setTimeoutOf(facts.resolver, call) !== undefined;
  if (!platform) return { kind: 'callback', node: call, fn, callback, references, others, lookalike: foreignOrShadowed(facts, call) };
  return { kind: 'callback', node: call, timer: timerFact(facts, call), fn, callback, references, others };
}
