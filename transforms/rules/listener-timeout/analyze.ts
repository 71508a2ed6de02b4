// listener-timeout: a listener raced against a timer, in a `new Promise` executor or as
// `events.once()` in a `Promise.race`. Safe when every path releases everything: the event clears
// the timer and removes the other listeners, the timer removes every listener. Fixable under the
// preconditions below: one `cleanup()` that every handler and the timer call.
import { propertyName, isStringLiteral } from '../../analysis/resolve';
import { isFunction, unwrap } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import { isEffectFree } from '../../model/effects';
import { type ExecutorSite, LISTENER_METHODS, type Listener } from '../../model/executor';
import type { Facts } from '../../model/facts';
import { type Placement, placementFor } from '../../model/placement';
import type { RaceSite } from '../../model/race';
import { isOnceLookalike } from '../../model/sites';
import { callbackEffects } from '../../model/timer';
import { heldResources } from '../executor-timeout/analyze';
import { type RacePlan, analyzeRace } from '../race-timeout/analyze';
import type { MessageId } from './messages';

export interface Registration {
  listener: Listener;
  remover: string;
  /** `resolve` passed as is, or an inline handler to hoist */
  handler: { kind: 'settle'; name: string } | { kind: 'inline'; node: any };
}

export type ListenerPlan =
  | {
      kind: 'executor';
      site: ExecutorSite;
      registrations: Registration[];
      /** the timer is not cleared on every event path yet */
      clearTimer: boolean;
    }
  /** the events clear the timer and remove the others; the timer removes what it leaves: these removals */
  | { kind: 'timer-removals'; site: ExecutorSite; removals: TimerRemoval[] }
  | {
      kind: 'once';
      site: RaceSite;
      placement: Placement;
      /** the race's own timer fix, when its timer is not cleared yet */
      race?: RacePlan;
      onceCalls: any[];
    };

/** a listener the timer removes: by its name, or named first (an inline handler becomes a const) */
export interface TimerRemoval {
  listener: Listener;
  target: string;
  event: string;
  remover: string;
  /** the handler's name, or undefined when the fix names the inline handler */
  name?: string;
}

type Result = Verdict<ListenerPlan>;

const ONCE_METHODS = new Set(['once', 'prependOnceListener']);

export function analyzeListener(site: ExecutorSite | RaceSite, context: RuleContext): Result | undefined {
  return site.kind === 'race' ? analyzeOnceRace(site, context) : analyzeExecutor(site, context);
}

function analyzeExecutor(site: ExecutorSite, { facts }: RuleContext): Result | undefined {
  const { tree } = facts;
  const refuse = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'refused', messageId, at, data });
  const unknown = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'unknown', messageId, at, data });
  if (site.lookalike) return unknown(site.lookalike.foreign ? 'foreignTimer' : 'shadowed', site.lookalike.node, { name: site.lookalike.name });
  const timer = site.timer;
  if (!timer) return refuse('timerShape', site.timers[0].call);
  const held = heldResources(facts, site);
  if (held) return held as Result;
  // `errorListener = reject`: a settle function kept for code elsewhere (a later removal, a cancel)
  const kept = site.settlePoints.find((point) => point.stored && !site.listeners.some((listener) => listener.handler === point.node) && !site.propertyListeners.some((property) => unwrap(property.assignment.right) === point.node));
  if (kept) return unknown('settledElsewhere', kept.node, { name: facts.code(kept.node, 30) });
  // `target.onchange = handler`: cleared (set to null) when the timer fires?
  for (const property of site.propertyListeners) {
    const cleared = isFunction(timer.callback) && tree.within(timer.callback, 'AssignmentExpression').some((assignment) => {
      const left = unwrap(assignment.left);
      return propertyName(left) === property.property && facts.textOf(unwrap(left.object)) === facts.textOf(unwrap(property.target)) && isNullish(unwrap(assignment.right));
    });
    if (!cleared) return refuse('propertyListenerLeft', property.assignment, { name: facts.code(unwrap(property.assignment.left), 50) });
  }
  if (site.listeners.length === 0) return undefined;

  // What each path releases today. A handler may be named: `const onReady = (v) => {…}; once('ready', onReady)`.
  const handlerOf = (listener: Listener) => {
    const handler = unwrap(listener.handler);
    return isFunction(handler) ? handler : (facts.resolver.localFunctionOf(handler)?.fn ?? handler);
  };
  const pointsIn = (listener: Listener) => site.settlePoints.filter((point) => point.node === listener.handler || tree.isInside(point.node, handlerOf(listener)));
  const eventsClear = site.listeners.every((listener) => pointsIn(listener).length > 0 && pointsIn(listener).every((point) => point.cleared));
  const timerCleared = eventsClear || (site.outerClear.has('fulfilled') && site.outerClear.has('rejected'));
  const removedBy = (scope: any, listener: Listener) => scope !== undefined && removes(facts, scope, listener);
  const timerRemovesAll = site.listeners.every((listener) => removedBy(timer.callback, listener));
  const eventsRemoveOthers = site.listeners.every((listener) =>
    site.listeners.every((other) => {
      if (other === listener) return ONCE_METHODS.has(listener.method) || onceOption(listener) || removedBy(isFunction(handlerOf(listener)) ? handlerOf(listener) : undefined, listener);
      return isFunction(handlerOf(other)) && removedBy(handlerOf(other), listener);
    }),
  );
  if (timerCleared && timerRemovesAll && eventsRemoveOthers) return { status: 'safe', messageId: 'alreadyCleaned', at: timer.call };
  const missing = [
    !timerCleared && 'the timer cleared when an event comes',
    !timerRemovesAll && 'every listener removed when the timer fires',
    !eventsRemoveOthers && 'the other listeners removed when an event comes',
  ].filter(Boolean) as string[];
  // Only the timer's path leaves listeners, each held by a name: the timer removes them too.
  if (timerCleared && eventsRemoveOthers && !timerRemovesAll) {
    const removals = timerRemovals(facts, site, timer, removedBy);
    if (removals) return { status: 'fixable', plan: { kind: 'timer-removals', site, removals }, messageId: 'fixedTimerRemovals', data: { names: removals.length === 1 ? 'listener' : `${removals.length} listeners` } };
  }
  // the code cleans up by itself, in ways this cannot follow on every path: not judged
  if (site.removals.length > 0 || site.clears.some((clear) => tree.isInside(clear, site.executor))) {
    return unknown('partiallyCleaned', timer.call, { missing: missing.join('; ') });
  }

  // The timer: one top-level statement whose callback only settles.
  const effects = callbackEffects(timer.callback);
  const settleCall = effects?.length === 1 && effects[0].kind === 'call' ? effects[0].call : undefined;
  const settleBinding = settleCall ? facts.scopes.bindingOf(unwrap(settleCall.callee)) : undefined;
  if (site.timers.length !== 1 || !site.timerStatement || (timer.capture.kind !== 'none' && !timerCleared) || (timer.capture.kind === 'none' && tree.parent(timer.expression)?.type !== 'ExpressionStatement') || !settleCall || (settleBinding !== site.resolve && settleBinding !== site.reject) || !settleCall.arguments.every(isEffectFree)) {
    return refuse('timerShape', timer.call);
  }
  if (!facts.resolver.isFreeAt(site.node, 'clearTimeout')) return refuse('shadowed', timer.call, { name: 'clearTimeout' });

  const registrations: Registration[] = [];
  for (const listener of site.listeners) {
    const call = listener.call;
    if (!listener.statement) return refuse('listenerPosition', call);
    if (!isStable(facts, listener.target)) return refuse('emitterShape', call, { name: facts.code(listener.target, 60) });
    if (!isStringLiteral(listener.event) && !isStable(facts, listener.event)) return refuse('emitterShape', call, { name: facts.code(listener.event, 60) });
    if (call.arguments.length > 3 || (call.arguments.length === 3 && (listener.method !== 'addEventListener' || !isPlainListenerOptions(listener.options)))) {
      return refuse('listenerOptions', call, { name: facts.code(listener.options, 60) });
    }
    const handler = unwrap(listener.handler);
    const settleName = handler?.type === 'Identifier' ? handler.name : undefined;
    if (settleName && (facts.scopes.bindingOf(handler) === site.resolve || facts.scopes.bindingOf(handler) === site.reject)) {
      registrations.push({ listener, remover: LISTENER_METHODS[listener.method], handler: { kind: 'settle', name: settleName } });
      continue;
    }
    if (!settlesOnly(facts, site, handler)) return refuse('handlerShape', call, { name: facts.code(handler, 60) });
    if (facts.typescript && handler.params.some((param: any) => !param.typeAnnotation)) return refuse('untypedHandler', handler);
    registrations.push({ listener, remover: LISTENER_METHODS[listener.method], handler: { kind: 'inline', node: handler } });
  }
  // every listener registration is a statement of its own: the ones nested are refused above
  const nested = site.listeners.find((listener) => !listener.statement);
  if (nested) return refuse('listenerPosition', nested.call);
  return { status: 'fixable', plan: { kind: 'executor', site, registrations, clearTimer: !timerCleared } };
}

function isNullish(node: any): boolean {
  return node?.type === 'NullLiteral' || (node?.type === 'Literal' && node.value === null) || (node?.type === 'Identifier' && node.name === 'undefined');
}

// `emitter.removeListener('ready', onReady)` (or `off`, `removeEventListener`, `removeAllListeners`)
// for this listener, in `scope` itself or in a function of this file it calls.
function removes(facts: Facts, scope: any, listener: Listener, depth = 0): boolean {
  const { tree, resolver } = facts;
  const same = (a: any, b: any) => a !== undefined && b !== undefined && facts.textOf(unwrap(a)) === facts.textOf(unwrap(b));
  // `target?.removeEventListener(…)` too
  for (const call of [...tree.within(scope, 'CallExpression'), ...tree.within(scope, 'OptionalCallExpression')]) {
    const callee = unwrap(call.callee);
    const method = propertyName(callee);
    if (method && ['removeListener', 'off', 'removeEventListener'].includes(method)) {
      if (same(callee.object, listener.target) && same(call.arguments[0], listener.event) && (same(call.arguments[1], listener.handler) || namesHandler(facts, call.arguments[1], listener.handler))) return true;
    }
    if (method === 'removeAllListeners' && same(callee.object, listener.target) && (call.arguments.length === 0 || same(call.arguments[0], listener.event))) return true;
    if (depth === 0) {
      const local = resolver.localFunctionOf(callee);
      if (local && removes(facts, local.fn, listener, depth + 1)) return true;
    }
  }
  return false;
}

// `emitter.removeListener('ready', onReady)` for each listener the timer's callback leaves: a listener
// added by a statement of its own, with a name (a const, a function of the executor) or an inline
// handler the fix names, on a target and event that do not change, with a timer callback that is a
// function of its own. Undefined when one cannot be removed so.
function timerRemovals(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, removedBy: (scope: any, listener: Listener) => boolean): TimerRemoval[] | undefined {
  if (!isFunction(timer.callback) || callbackEffects(timer.callback) === undefined) return undefined;
  const removals: TimerRemoval[] = [];
  for (const listener of site.listeners) {
    if (removedBy(timer.callback, listener)) continue;
    const handler = unwrap(listener.handler);
    if (!isStable(facts, listener.target) && !isStableMember(facts, listener.target, timer.callback)) return undefined;
    if (!isStringLiteral(listener.event) && !isStable(facts, listener.event)) return undefined;
    if (listener.options && !(listener.method === 'addEventListener' && isPlainListenerOptions(listener.options))) return undefined;
    const removal = { listener, target: facts.textOf(unwrap(listener.target)), event: facts.textOf(listener.event), remover: LISTENER_METHODS[listener.method] };
    if (isFunction(handler)) {
      // named by the fix: a statement of its own to name it before; in TypeScript, typed parameters
      if (!listener.statement || handler.type === 'FunctionExpression' && facts.tree.within(handler.body, 'ThisExpression').length > 0) return undefined;
      if (facts.typescript && handler.params.some((param: any) => !param.typeAnnotation)) return undefined;
      removals.push(removal);
      continue;
    }
    if (handler?.type !== 'Identifier' || (!facts.resolver.localFunctionOf(handler) && !isSettleName(facts, site, handler))) return undefined;
    // the handler's name must mean the same in the timer's callback
    const binding = facts.scopes.bindingOf(handler);
    if (!binding || facts.scopes.lookupFrom(facts.resolver.scopeAt(timer.callback.body), handler.name) !== binding) return undefined;
    removals.push({ ...removal, name: handler.name });
  }
  return removals.length > 0 ? removals : undefined;
}

// `this.socket`, `client.connection`: a chain of plain property reads from a stable name, or from
// `this` when every function from the listener's to the timer's callback is an arrow (so `this` is one)
function isStableMember(facts: Facts, node: any, callback: any): boolean {
  let current = unwrap(node);
  while (current?.type === 'MemberExpression' && !current.computed) current = unwrap(current.object);
  if (current === unwrap(node)) return false;
  if (current?.type === 'ThisExpression') {
    for (let fn = callback; fn && fn !== facts.tree.functionOf(node); fn = facts.tree.functionOf(fn)) if (fn.type !== 'ArrowFunctionExpression') return false;
    return true;
  }
  return isStable(facts, current);
}

function isSettleName(facts: Facts, site: ExecutorSite, node: any): boolean {
  const binding = facts.scopes.bindingOf(node);
  return binding !== undefined && (binding === site.resolve || binding === site.reject);
}

// `r` inside `function r(data) { …; off(event, r); }`: the function expression's own name
function namesHandler(facts: Facts, argument: any, handler: any): boolean {
  const id = unwrap(argument);
  const fn = unwrap(handler);
  if (id?.type !== 'Identifier' || !isFunction(fn) || fn.id?.name !== id.name) return false;
  const binding = facts.scopes.bindingOf(id);
  return binding !== undefined && (binding.id === fn.id || binding.declaration === fn);
}

function onceOption(listener: Listener): boolean {
  const options = unwrap(listener.options);
  return options?.type === 'ObjectExpression' && options.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'once' && property.value?.value === true);
}

// A variable never reassigned where it is visible: the removal reaches the object the listener was added to.
function isStable(facts: Facts, node: any): boolean {
  const expression = unwrap(node);
  if (expression?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(expression);
  return binding !== undefined && !binding.references.some((reference) => reference.write);
}

// `() => resolve()`, `(v: T) => resolve(v)`, `() => { reject(err); }`: a handler that only settles.
function settlesOnly(facts: Facts, site: ExecutorSite, handler: any): boolean {
  if (!isFunction(handler) || handler.async) return false;
  let call = handler.body;
  if (call.type === 'BlockStatement') {
    if (call.body.length !== 1 || call.body[0].type !== 'ExpressionStatement') return false;
    call = call.body[0].expression;
  }
  call = unwrap(call);
  if (call?.type !== 'CallExpression') return false;
  const binding = facts.scopes.bindingOf(unwrap(call.callee));
  return binding !== undefined && (binding === site.resolve || binding === site.reject);
}

// `{ once: true }` or `{ passive: true }`: options a removal does not need to repeat (no capture, no signal).
function isPlainListenerOptions(options: any): boolean {
  const object = unwrap(options);
  if (object?.type !== 'ObjectExpression') return false;
  return object.properties.every(
    (property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && property.key.type === 'Identifier' && (property.key.name === 'once' || property.key.name === 'passive'),
  );
}

/* ------------------------------------------------------------------------------------------------
 * `events.once(emitter, name)` raced against a timer
 * ---------------------------------------------------------------------------------------------- */

function analyzeOnceRace(site: RaceSite, context: RuleContext): Result | undefined {
  const { facts } = context;
  const race = site.node;
  const onceArms = site.arms.filter((arm) => arm.arm.role === 'listener');
  const lookalike = site.arms.find((arm) => arm.arm.role === 'work' && isOnceLookalike(arm.arm.head));
  const timerVerdict = analyzeRace(site, context);
  const remarks: Remark[] = timerVerdict?.status === 'fixable' ? [...(timerVerdict.remarks ?? [])] : [];
  const racePlan = timerVerdict?.status === 'fixable' ? timerVerdict.plan : undefined;
  if (lookalike && onceArms.length === 0) {
    const note: Remark = { status: 'unknown', messageId: 'notEventsOnce', at: (lookalike.arm as { head: any }).head, data: { name: 'once' } };
    if (racePlan) return { status: 'fixable', plan: { kind: 'once', site, placement: racePlan.placement, race: racePlan, onceCalls: [] }, remarks: [...remarks, note] };
    return { ...note, status: 'unknown' } as Result;
  }
  // a timer this rule cannot clear does not keep the listener attached: the once() part is fixed alone
  if (timerVerdict && timerVerdict.status !== 'fixable' && timerVerdict.status !== 'safe') {
    if (onceArms.length === 0) return timerVerdict as Result;
    remarks.push(timerVerdict);
  }

  const onceCalls: any[] = [];
  for (const arm of onceArms) {
    const call = (arm.arm as { once: any }).once;
    const name = facts.code(call.callee, 40);
    if (call.arguments.length === 3) {
      const options = unwrap(call.arguments[2]);
      const hasSignal = options?.type === 'ObjectExpression' && options.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'signal');
      if (hasSignal) {
        if (!racePlan && remarks.length === 0) return { status: 'safe', messageId: 'alreadySignalled', at: call, data: { name } };
        if (!racePlan) return remarks[0] as Result;
        continue;
      }
      return { status: 'refused', messageId: 'onceHasOptions', at: call, data: { name, options: facts.code(call.arguments[2], 60) } };
    }
    if (call.arguments.length !== 2 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) return { status: 'refused', messageId: 'onceHasOptions', at: call, data: { name, options: 'spread arguments' } };
    // the timer part is still fixed; the listener is left as it is, and said so
    if (arm.declaration && arm.declaration.otherUses > 0) {
      remarks.push({ status: 'refused', messageId: 'onceShared', at: call, data: { name, binding: arm.declaration.binding.name } });
      continue;
    }
    onceCalls.push(call);
  }
  if (onceCalls.length === 0 && !racePlan) return remarks.length > 0 ? (remarks[0] as Result) : undefined;
  if (!site.builtinPromise) return { status: 'refused', messageId: 'shadowed', at: race, data: { name: 'Promise' } };
  if (!facts.resolver.isFreeAt(race, 'AbortController')) return { status: 'refused', messageId: 'shadowed', at: race, data: { name: 'AbortController' } };
  // a once() called before the race, in its own statement: the controller is declared before that
  // statement, together with what the timer's part declares
  const heldEarlier = onceCalls.filter((call) => !facts.tree.isInside(call, race)).map((call) => facts.tree.statementOf(call));
  const timerStatement = racePlan?.placement.kind === 'statement' ? [racePlan.placement.statement] : [];
  const placement = heldEarlier.length > 0 ? placementFor(facts, race, [...heldEarlier, ...timerStatement]) : (racePlan?.placement ?? placementFor(facts, race));
  if (typeof placement === 'string') return { status: 'refused', messageId: 'unsupportedPosition', at: race, data: { name: facts.code(onceCalls[0]?.callee ?? race.callee, 40) } };
  return { status: 'fixable', plan: { kind: 'once', site, placement, race: racePlan, onceCalls }, remarks };
}
