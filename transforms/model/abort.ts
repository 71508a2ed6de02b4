// `const c = new AbortController(); setTimeout(() => c.abort(), ms); …uses of c.signal…`: the timer
// that bounds the work with an abort, the controller (by binding: an `AbortController` of the
// platform, never an object that merely has an `.abort()`), the statements after the timer that use
// the signal, and the handle's clears.
import { propertyName } from '../analysis/resolve';
import type { Binding } from '../analysis/scope';
import { isFunction, unwrap } from '../analysis/tree';
import { isEffectFree } from './effects';
import type { Facts } from './facts';
import { foreignOrShadowed, spelledSetTimeout } from './spelling';
import { type TimerFact, callbackEffects, setTimeoutOf, timerFact } from './timer';

export interface AbortSite {
  kind: 'abort';
  /** the setTimeout call */
  node: any;
  timer: TimerFact;
  /** the `c.abort()` call in the timer's callback */
  abortCall: any;
  /** the controller's binding, when it is a local `const c = new AbortController()` */
  controller?: Binding;
  /** the controller as the code names it (`this.controller`), when it is not a local */
  controllerNode: any;
  /** `const c = new AbortController();` */
  controllerStatement?: any;
  /** the statement that arms the timer, when it is one of a statement list */
  timerStatement?: any;
  /** spelled like an abort timer, but `setTimeout` or `AbortController` here is not the platform's */
  lookalike?: { name: string; node: any; foreign?: boolean };
}

// `() => c.abort()`, `() => { c.abort(); }`, `c.abort.bind(c)`: the abort call and the controller.
function abortOf(facts: Facts, callback: any): { call: any; object: any } | undefined {
  if (callback?.type === 'CallExpression' && propertyName(unwrap(callback.callee)) === 'bind') {
    const target = unwrap(unwrap(callback.callee).object);
    if (propertyName(target) === 'abort' && callback.arguments.length === 1 && facts.textOf(unwrap(callback.arguments[0])) === facts.textOf(unwrap(target.object))) return { call: callback, object: unwrap(target.object) };
    return undefined;
  }
  const effects = callbackEffects(callback);
  if (!effects || effects.length !== 1 || effects[0].kind !== 'call') return undefined;
  const call = effects[0].call;
  if (propertyName(unwrap(call.callee)) !== 'abort' || call.arguments.length > 1 || !call.arguments.every(isEffectFree)) return undefined;
  return { call, object: unwrap(unwrap(call.callee).object) };
}

// A name whose one declaration is `const c = new AbortController()`: the platform's ('platform'), or
// a class spelled so that is something else ('lookalike').
function controllerBinding(facts: Facts, object: any): { binding: Binding; kind: 'platform' | 'lookalike' } | undefined {
  if (object?.type !== 'Identifier') return undefined;
  const binding = facts.scopes.bindingOf(object);
  if (!binding || binding.kind !== 'const') return undefined;
  const declarator = binding.declaration;
  const init = unwrap(declarator?.init);
  if (declarator?.id !== binding.id || init?.type !== 'NewExpression' || init.arguments.length !== 0) return undefined;
  if (facts.resolver.is(init.callee, 'AbortController')) return { binding, kind: 'platform' };
  return unwrap(init.callee)?.type === 'Identifier' && unwrap(init.callee).name === 'AbortController' ? { binding, kind: 'lookalike' } : undefined;
}

// `this.controller` or `state.ac`: an AbortController by its declared type or its initialiser in
// the class, or not known to be one (then it is not a site: many objects have an `abort()`).
function isKnownController(facts: Facts, member: any): boolean {
  const name = propertyName(member);
  if (!name || unwrap(member.object)?.type !== 'ThisExpression') return false;
  for (const ancestor of facts.tree.ancestors(member)) {
    if (ancestor.type !== 'ClassBody') continue;
    for (const field of ancestor.body) {
      if ((field.type !== 'ClassProperty' && field.type !== 'ClassPrivateProperty') || field.computed) continue;
      const key = field.key.type === 'PrivateName' ? `#${field.key.id.name}` : field.key.name;
      if (key !== name) continue;
      const annotation = field.typeAnnotation?.typeAnnotation;
      if (annotation?.type === 'TSTypeReference' && annotation.typeName?.name === 'AbortController') return true;
      const init = unwrap(field.value);
      if (init?.type === 'NewExpression' && facts.resolver.is(init.callee, 'AbortController')) return true;
    }
    return false;
  }
  return false;
}

// `setTimeout(...)` calls: the platform's, and look-alikes spelled `setTimeout` (reported, never rewritten)
export function abortTimerCalls(facts: Facts): any[] {
  return facts.tree.ofType('CallExpression').filter((call) => call.arguments.length >= 1 && (setTimeoutOf(facts.resolver, call) !== undefined || spelledSetTimeout(call)));
}

export function buildAbortSite(facts: Facts, call: any): AbortSite | undefined {
  const { tree } = facts;
  const aborted = abortOf(facts, call.arguments[0]);
  if (!aborted) return undefined;
  const found = controllerBinding(facts, aborted.object);
  if (!found && !(aborted.object?.type === 'MemberExpression' && isKnownController(facts, aborted.object))) return undefined;
  const platformTimer = setTimeoutOf(facts.resolver, call) !== undefined;
  if (!platformTimer || found?.kind === 'lookalike') {
    const lookalike = !platformTimer ? foreignOrShadowed(facts, call) : { name: 'AbortController', node: tree.parent(found!.binding.declaration) };
    return { kind: 'abort', node: call, timer: undefined as unknown as TimerFact, abortCall: aborted.call, controllerNode: aborted.object, lookalike };
  }
  const controller = found?.binding;
  const timer = timerFact(facts, call)!;
  let timerStatement: any;
  const holder = tree.parent(timer.expression);
  if (holder?.type === 'ExpressionStatement') timerStatement = holder;
  else if (timer.capture.kind === 'declared' && timer.capture.statement.declarations.length === 1) timerStatement = timer.capture.statement;
  else if (timer.capture.kind === 'assigned' && tree.parent(timer.capture.assignment)?.type === 'ExpressionStatement') timerStatement = tree.parent(timer.capture.assignment);
  const controllerStatement = controller ? tree.parent(controller.declaration) : undefined;
  void isFunction;
  return { kind: 'abort', node: call, timer, abortCall: aborted.call, controller, controllerNode: aborted.object, controllerStatement, timerStatement };
}
