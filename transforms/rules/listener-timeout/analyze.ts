// listener-timeout: a listener raced against a timer, in a `new Promise` executor or as
// `events.once()` in a `Promise.race`. Safe when every path releases everything: the event clears
// the timer and removes the other listeners, the timer removes every listener. Fixable under the
// preconditions below: one `cleanup()` that every handler and the timer call; or, when the code
// removes every listener by itself and only the clear is missing, a clear beside each event's settle;
// or, for handler properties (`socket.onopen = …`), `= null` in the timer and `.finally()` its clear.
import { hasWrites, propertyName, isStringLiteral } from '../../analysis/resolve';
import { isFunction, unwrap } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import { isEffectFree, isEffectFreeBut, LISTENER_REMOVERS, mayThrowBeforeCleanup } from '../../model/effects';
import { type ExecutorSite, LISTENER_METHODS, type Listener } from '../../model/executor';
import type { Facts } from '../../model/facts';
import { mayLeaveEarly, runsOnEveryPathOf, walkOwn } from '../../model/paths';
import { type Placement, placementFor } from '../../model/placement';
import type { RaceSite } from '../../model/race';
import { isOnceLookalike } from '../../model/sites';
import { callbackEffects, clearedBy, returnsInCallback } from '../../model/timer';
import { clearSpelling, timerTypeQuery } from '../../model/spelling';
import { type ExecutorPlan, analyzeExecutor as analyzeTimerOf, heldResources } from '../executor-timeout/analyze';
import { readProject } from '../../engine/project';
import { isTypeChecked } from '../../engine/types';
import { MODULE_BASE } from '../../model/modules';
import { resolve as resolvePath } from 'node:path';
import { type RacePlan, analyzeRace } from '../race-timeout/analyze';
import type { MessageId } from './messages';

export interface Registration {
  listener: Listener;
  remover: string;
  /** `resolve` passed as is, or an inline handler to hoist */
  handler: { kind: 'settle'; name: string } | { kind: 'inline'; node: any };
}

export type ListenerPlan =
  /** the listeners are left as the code leaves them (said); the timer is cleared when the promise settles, as executor-timeout clears it */
  | { kind: 'timer-only'; site: ExecutorSite; executor: ExecutorPlan }
  | {
      kind: 'executor';
      site: ExecutorSite;
      registrations: Registration[];
      /** the timer is not cleared on every event path yet */
      clearTimer: boolean;
    }
  /** the events clear the timer and remove the others; the timer removes what it leaves: these removals */
  | { kind: 'timer-removals'; site: ExecutorSite; removals: TimerRemoval[] }
  /** the timer is cleared on every path, but no listener is ever removed: each handler removes them all where it settles, and the timer after it settles */
  | ({ kind: 'event-removals'; site: ExecutorSite } & EventRemovals)
  /** every listener is removed on every path, but the events leave the timer armed: each clears it where it settles */
  | ({ kind: 'event-clears'; site: ExecutorSite } & EventClears)
  /** handler properties the timer leaves: set to null there, after it settles; the timer cleared when the promise settles, unless something clears it already */
  | { kind: 'property-nulls'; site: ExecutorSite; nulls: PropertyNull[]; clear?: PropertyClear }
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

/** where the events' clears go */
export interface EventClears {
  /** the handle's name when the code keeps it (`const timer = setTimeout(…)`); undefined: the fix names it */
  handle?: string;
  /** the settle statements of the handlers that do not clear the timer yet: `resolve(value);`, `return resolve(value);` */
  settles: any[];
  /** `clearTimeout`, or how the file reaches it */
  clear: string;
  /** the handle is a `let` the fix declares at the top of the executor (`if (expire) timerHandle = setTimeout(…)`) */
  declareAtTop?: boolean;
}

export interface EventRemovals {
  /** every listener, as the timer's removals name them */
  removals: TimerRemoval[];
  /** the settle statements of the handlers, each to have the removals before it */
  settles: any[];
}

/** `socket.onopen = null;` in the timer's callback */
export interface PropertyNull {
  target: string;
  property: string;
}

/** `let timerHandle;` before `placement`, `timerHandle = setTimeout(…)`, `.finally(() => clearTimeout(timerHandle))` on the promise */
export interface PropertyClear {
  placement: Placement;
  /** `clearTimeout`, or how the file reaches it */
  spelling: string;
  /** what `ReturnType<typeof …>` types the handle by */
  typeQuery: string;
}

type Result = Verdict<ListenerPlan>;

const ONCE_METHODS = new Set(['once', 'prependOnceListener']);

export function analyzeListener(site: ExecutorSite | RaceSite, context: RuleContext): Result | undefined {
  if (site.kind === 'race') return analyzeOnceRace(site, context);
  const result = analyzeExecutor(site, context);
  // the listeners cannot be released here, for the reason said; the timer at least may be
  if ((result?.status === 'refused' || result?.status === 'unknown') && !NOT_THE_LISTENERS.has(result.messageId)) {
    // a refusal of one plan: with the timer cleared once the promise settles, as a second run
    // would find it, no other plan may apply (or that run would change the code again)
    const settledClear: ExecutorSite = { ...site, outerClear: new Set(['fulfilled', 'rejected']) };
    const again = ABOUT_EVERY_REMOVAL.has(result.messageId) ? result : analyzeExecutor(settledClear, context);
    const timerOnly = again && again.status !== 'fixable' ? timerOnlyFix(site, context) : undefined;
    if (timerOnly) return { ...timerOnly, remarks: [...(timerOnly.remarks ?? []), result] };
  }
  return result;
}

// refusals that hold of every way of releasing the listeners, whichever path the timer takes: an
// 'error' listener kept on purpose, an emitter with no removal known, an inline TypeScript handler
// that naming would untype. Once the timer is cleared a second run meets the same one, and changes
// nothing (other refusals are of one plan only: with the timer cleared, another plan may apply)
const ABOUT_EVERY_REMOVAL = new Set<string>(['errorListenerKept', 'untypedHandler', 'unknownEmitter', 'noRemover']);
// refusals about the timer, the promise or the code around it, which a fix of the timer alone meets
// too, and handler properties, whose own fix clears the timer with them (the report says why not)
const NOT_THE_LISTENERS = new Set<string>(['shadowed', 'foreignTimer', 'timerThroughFunction', 'asyncExecutor', 'timerShape', 'timerReturns', 'settledElsewhere', 'unsupportedPosition', 'directiveAbove', 'propertyListenerLeft']);

// The timer cleared once the promise settles, as executor-timeout clears it, when its analysis says
// it can be, for the timer alone: no fetch to abort, no interval, entry or rejection handed on beside it.
function timerOnlyFix(site: ExecutorSite, context: RuleContext): Extract<Result, { status: 'fixable' }> | undefined {
  const timerOnly = analyzeTimerOf(site, context, false);
  if (timerOnly?.status !== 'fixable') return undefined;
  const plan = timerOnly.plan;
  if (plan.onlyHeld || plan.onlySettle || plan.fetch || plan.intervals.length > 0 || plan.entries.length > 0 || plan.settleRejections.length > 0) return undefined;
  return { status: 'fixable', plan: { kind: 'timer-only', site, executor: plan }, messageId: 'fixedTimerOnly', remarks: timerOnly.remarks ?? [] };
}

function analyzeExecutor(site: ExecutorSite, context: RuleContext): Result | undefined {
  const { facts, options } = context;
  const { tree } = facts;
  const refuse = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'refused', messageId, at, data });
  const unknown = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'unknown', messageId, at, data });
  if (site.lookalike) return unknown(site.lookalike.foreign ? 'foreignTimer' : 'shadowed', site.lookalike.node, { name: site.lookalike.name });
  if (site.unmodelled) return unknown(site.unmodelled.reason, site.unmodelled.node, { name: site.unmodelled.name });
  const timer = site.timer;
  if (!timer) return refuse('timerShape', site.timers[0].call);
  const held = heldResources(facts, site);
  if (held) return held as Result;
  // `errorListener = reject`: a settle function kept for code elsewhere (a later removal, a cancel)
  const kept = site.settlePoints.find((point) => point.stored && !site.listeners.some((listener) => listener.handler === point.node) && !site.propertyListeners.some((property) => unwrap(property.assignment.right) === point.node));
  if (kept) return unknown('settledElsewhere', kept.node, { name: facts.code(kept.node, 30) });
  // `target.onchange = handler`: set to null when the timer fires? Each one left is set to null
  // there, or the report says which precondition of that fails.
  const leftByTimer = site.propertyListeners.filter((property) => !nulledByTimer(facts, timer, property));
  if (leftByTimer.length > 0) return propertyNulls(facts, site, timer, leftByTimer, options);
  if (site.listeners.length === 0) {
    if (site.propertyListeners.length === 0) return undefined;
    // every handler property is set back to null when the timer fires: what is left is the timer,
    // which a handler that settles leaves armed (and a late timer would set to null a handler put
    // there since): each handler clears it where it settles (propertyClears), or the report says why
    // not. Cleared already (a `.finally()` on the promise, a clear at every settle): nothing is said,
    // as before; whether a handler left on after an event matters is property-nulls' judgement
    if ((site.outerClear.has('fulfilled') && site.outerClear.has('rejected')) || (site.settlePoints.every((point) => point.cleared) && throwAfterTimer(facts, site) === undefined)) return undefined;
    const clears = propertyClears(facts, site, timer);
    if (typeof clears !== 'string') return { status: 'fixable', plan: { kind: 'event-clears', site, ...clears }, messageId: 'fixedEventClears' };
    return unknown('partiallyCleaned', timer.call, { missing: `the timer cleared when a handler settles the promise (no clear is added: ${clears})` });
  }

  // What each path releases today. A handler may be named: `const onReady = (v) => {…}; once('ready', onReady)`.
  const handlerOf = (listener: Listener) => {
    const handler = unwrap(listener.handler);
    return isFunction(handler) ? handler : (facts.resolver.localFunctionOf(handler)?.fn ?? handler);
  };
  const pointsIn = (listener: Listener) => site.settlePoints.filter((point) => point.node === listener.handler || tree.isInside(point.node, handlerOf(listener)));
  const eventsClear = site.listeners.every((listener) => pointsIn(listener).length > 0 && pointsIn(listener).every((point) => point.cleared));
  // every settle clears it (one before the timer, `if (ready) resolve()`, goes on to arm it), and no
  // code after the timer may throw out of the executor with the timer armed
  const throwsAfterTimer = throwAfterTimer(facts, site);
  const settlesClear = eventsClear && site.settlePoints.every((point) => point.cleared);
  const outerClears = site.outerClear.has('fulfilled') && site.outerClear.has('rejected');
  const timerCleared = (settlesClear && throwsAfterTimer === undefined) || outerClears;
  // a removal that runs whenever the scope runs: not in a branch, not in a closure it may not call
  const removedBy = (scope: any, listener: Listener) => scope !== undefined && removes(facts, scope, listener, 0, true);
  // the handler of `by` removes `listener` on its way to each of its settles (or on every path of it)
  const removedWhenSettles = (by: Listener, listener: Listener) => {
    const handler = handlerOf(by);
    if (!isFunction(handler)) return false;
    if (removedBy(handler, listener)) return true;
    const points = pointsIn(by);
    return points.length > 0 && points.every((point) => {
      if (point.byReference || tree.functionOf(point.node) !== handler) return false;
      const statement = tree.statementOf(point.node);
      return statement !== undefined && tree.parent(statement)?.type === 'BlockStatement' && removedOnWayTo(facts, statement, handler, listener);
    });
  };
  const timerRemovesAll = site.listeners.every((listener) => isFunction(timer.callback) && removedBy(timer.callback, listener));
  const eventsRemoveOthers = site.listeners.every((listener) =>
    site.listeners.every((other) => {
      if (other === listener) return firesOnce(facts, listener) || removedWhenSettles(listener, listener);
      return removedWhenSettles(other, listener);
    }),
  );
  if (timerCleared && timerRemovesAll && eventsRemoveOthers) return { status: 'safe', messageId: 'alreadyCleaned', at: timer.call };
  const uncleared = site.settlePoints.find((point) => !point.cleared && !site.listeners.some((listener) => pointsIn(listener).includes(point)));
  const missing = [
    !eventsClear && !site.outerClear.has('fulfilled') && 'the timer cleared when an event comes',
    !timerCleared && eventsClear && uncleared && `the timer cleared when \`${facts.code(uncleared.node, 40)}\` settles the promise outside the handlers`,
    !timerCleared && eventsClear && !uncleared && throwsAfterTimer !== undefined && `the timer cleared when \`${facts.code(throwsAfterTimer, 40)}\` throws after the timer is armed`,
    !timerRemovesAll && 'every listener removed when the timer fires',
    !eventsRemoveOthers && 'every listener removed when an event settles the promise',
  ].filter(Boolean) as string[];
  // Only the timer's path leaves listeners, each held by a name: the timer removes them too.
  // A call after the timer that may throw leaves it armed on that path only: the removals are still
  // added, and that path is said.
  if ((settlesClear || outerClears) && eventsRemoveOthers && !timerRemovesAll) {
    const removals = timerRemovals(facts, site, timer, removedBy);
    const remarks: Remark[] = !timerCleared && throwsAfterTimer !== undefined ? [{ status: 'unknown', messageId: 'throwsAfterTimer', at: throwsAfterTimer, data: { call: facts.code(throwsAfterTimer, 50) } }] : [];
    const errorListener = removals && keptErrorListener(facts, site, removals.map((removal) => removal.listener));
    if (errorListener) return refuse('errorListenerKept', errorListener.call, errorListenerData(facts, errorListener));
    if (removals) return { status: 'fixable', plan: { kind: 'timer-removals', site, removals }, messageId: 'fixedTimerRemovals', data: { names: removals.length === 1 ? 'listener' : `${removals.length} listeners` }, remarks, ...typeCheck(facts, removals.filter((removal) => removal.name === undefined).map((removal) => unwrap(removal.listener.handler))) };
  }
  // The timer is cleared whichever side wins, and no code removes a listener: each handler removes
  // every listener where it settles, and the timer after it has settled; or the report says why not.
  let notRemoved: string | undefined;
  if (timerCleared && !timerRemovesAll && !eventsRemoveOthers && site.removals.length === 0) {
    const removals = eventRemovals(facts, site, timer, removedBy, handlerOf, pointsIn);
    if (typeof removals !== 'string') return { status: 'fixable', plan: { kind: 'event-removals', site, ...removals }, messageId: 'fixedEventRemovals', data: { names: removals.removals.length === 1 ? 'the listener' : `${removals.removals.length} listeners` }, ...typeCheck(facts, removals.removals.filter((removal) => removal.name === undefined).map((removal) => unwrap(removal.listener.handler))) };
    notRemoved = removals;
  }
  // Only the events' clear is missing: each handler clears the timer where it settles, or the
  // report says why it does not.
  let notCleared: string | undefined;
  if (!timerCleared && !eventsClear && timerRemovesAll && eventsRemoveOthers) {
    const clears = eventClears(facts, site, timer, handlerOf, pointsIn);
    if (typeof clears !== 'string') return { status: 'fixable', plan: { kind: 'event-clears', site, ...clears }, messageId: 'fixedEventClears' };
    notCleared = clears;
  }
  // the code cleans up by itself, in ways this cannot follow on every path: not judged
  if (site.removals.length > 0 || site.clears.some((clear) => tree.isInside(clear, site.executor))) {
    // the timer at least: cleared once the promise settles, when its callback only settles it (so
    // clearing it skips nothing, a removal least of all); the listeners it leaves are said
    const listenersLeft = missing.filter((part) => part.startsWith('every listener'));
    const timerOnly = timerCleared ? undefined : timerOnlyFix(site, context);
    if (timerOnly) {
      const left: Remark[] = listenersLeft.length > 0 ? [{ status: 'refused', messageId: 'listenersLeft', at: timer.call, data: { missing: listenersLeft.join('; ') } }] : [];
      return { ...timerOnly, remarks: [...(timerOnly.remarks ?? []), ...left] };
    }
    const because = notCleared ? ` (no clear is added where an event settles: ${notCleared})` : notRemoved ? ` (no removal is added where an event settles: ${notRemoved})` : '';
    return unknown('partiallyCleaned', timer.call, { missing: missing.join('; ') + because });
  }

  // The timer: one top-level statement whose callback only settles.
  const effects = callbackEffects(timer.callback);
  const settleCall = effects?.length === 1 && effects[0].kind === 'call' ? effects[0].call : undefined;
  const settleBinding = settleCall ? facts.scopes.bindingOf(unwrap(settleCall.callee)) : undefined;
  if (site.timers.length !== 1 || !site.timerStatement || (timer.capture.kind !== 'none' && !timerCleared) || (timer.capture.kind === 'none' && tree.parent(timer.expression)?.type !== 'ExpressionStatement') || !settleCall || (settleBinding !== site.resolve && settleBinding !== site.reject) || !settleCall.arguments.every(isEffectFree)) {
    return refuse('timerShape', timer.call);
  }
  if (returnsInCallback(facts.tree, timer.callback)) return refuse('timerReturns', timer.call);
  if (!facts.resolver.isFreeAt(site.node, 'clearTimeout')) return refuse('shadowed', timer.call, { name: 'clearTimeout' });

  // the timer's statement is rewritten too: a directive above it would lose the line it is about
  const timerDirective = directiveAbove(facts, site.timerStatement);
  if (timerDirective) return refuse('directiveAbove', site.timerStatement, { directive: timerDirective });
  // `if (emitter.isReady) resolve('early')`: a settle outside the handlers and the timer leaves the
  // listeners and the timer on that path, which cleanup() would not change; but not a `return
  // resolve(…)` of the executor before the timer and any listener, which arms nothing
  const firstArmed = Math.min(site.timerStatement.start, ...site.listeners.map((listener) => listener.statement?.start ?? Infinity));
  const outside = site.settlePoints.find((point) => {
    if (site.listeners.some((listener) => pointsIn(listener).includes(point)) || (isFunction(timer.callback) && tree.isInside(point.node, timer.callback))) return false;
    const statement = tree.statementOf(point.node);
    return !(statement?.type === 'ReturnStatement' && unwrap(statement.argument) === point.node && tree.functionOf(point.node) === site.executor && statement.end <= firstArmed);
  });
  if (outside) return refuse('settledOutsideHandlers', outside.node, { call: facts.code(outside.node, 40) });
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
    // the handler becomes a const above this statement, which the timer's cleanup() reads: a call
    // between the timer and here that throws would leave it uninitialised when the timer fires
    const throws = leaveAfterTimer(facts, site, listener.statement.start);
    if (throws) return refuse('throwsBeforeListener', throws, { call: facts.code(throws, 50) });
    // `// @ts-expect-error` above it would no longer sit above the code it is about
    const directive = directiveAbove(facts, listener.statement);
    if (directive) return refuse('directiveAbove', listener.statement, { directive });
    const remover = removerFor(facts, listener);
    if (!remover) return refuse(declaredMembers(facts, listener.target) ? 'noRemover' : 'unknownEmitter', call, { name: facts.code(listener.target, 40) });
    const settleName = handler?.type === 'Identifier' ? handler.name : undefined;
    if (settleName && (facts.scopes.bindingOf(handler) === site.resolve || facts.scopes.bindingOf(handler) === site.reject)) {
      registrations.push({ listener, remover, handler: { kind: 'settle', name: settleName } });
      continue;
    }
    if (!settlesOnly(facts, site, handler)) return refuse('handlerShape', call, { name: facts.code(handler, 60) });
    if (!facts.typesParameters(handler)) return refuse('untypedHandler', handler);
    // `function (ev: Event) { … this.url … }`: its `this` is typed by the call it is passed to, and hoisted loses it
    if (facts.typescript && handler.type === 'FunctionExpression' && !handler.params.some((param: any) => param.name === 'this') && facts.tree.within(handler, 'ThisExpression').some((node) => facts.tree.functionOf(node) === handler)) return refuse('untypedHandler', handler);
    registrations.push({ listener, remover, handler: { kind: 'inline', node: handler } });
  }
  // every listener registration is a statement of its own: the ones nested are refused above
  const nested = site.listeners.find((listener) => !listener.statement);
  if (nested) return refuse('listenerPosition', nested.call);
  // added above the timer: code between them that may emit would run the handler's cleanup()
  // before the timer exists, and the timer would then stay armed
  for (const listener of site.listeners) {
    const emits = emitsBeforeTimer(facts, site, listener);
    if (emits) return refuse('mayEmitBeforeTimer', emits, { call: facts.code(emits, 50) });
  }
  const errorListener = keptErrorListener(facts, site, site.listeners);
  if (errorListener) return refuse('errorListenerKept', errorListener.call, errorListenerData(facts, errorListener));
  return { status: 'fixable', plan: { kind: 'executor', site, registrations, clearTimer: !timerCleared }, ...typeCheck(facts, registrations.filter((registration) => registration.handler.kind === 'inline').map((registration) => (registration.handler as { node: any }).node)) };
}

// Inline handlers the fix names as consts: inline, the call types their parameters, their return
// and their removal; named, the output must type-check as the input did (./engine/types.ts), and
// must be shown to where their parameters' types were inferred. In JavaScript, only a file the
// project's TypeScript checks (`// @ts-check`, `checkJs`), and where it can tell.
function typeCheck(facts: Facts, named: any[]): { verifyTypes?: { required: boolean; refusal: Remark } } {
  const handlers = named.filter((handler) => isFunction(handler));
  if (handlers.length === 0) return {};
  if (!facts.typescript && !isTypeChecked(facts.path, facts.text)) return {};
  const inferred = facts.typescript && handlers.some((handler) => handler.params.some((param: any) => !param.typeAnnotation));
  return { verifyTypes: { required: inferred, refusal: { status: 'refused', messageId: 'namedHandlerTypes', at: handlers[0] } } };
}

function isNullish(node: any): boolean {
  return node?.type === 'NullLiteral' || (node?.type === 'Literal' && node.value === null) || (node?.type === 'Identifier' && node.name === 'undefined');
}

// `emitter.removeListener('ready', onReady)` (or `off`, `removeEventListener`, `removeAllListeners`)
// for this listener, in `scope` itself or in a function of this file it calls.
function removes(facts: Facts, scope: any, listener: Listener, depth = 0, everyPath = false): boolean {
  const { tree, resolver } = facts;
  // `target?.removeEventListener(…)` too
  for (const call of [...tree.within(scope, 'CallExpression'), ...tree.within(scope, 'OptionalCallExpression')]) {
    // the timer runs once: a removal in a branch of it, or in a function it never calls, may not run
    if (everyPath && !runsOnEveryPathOf(tree, scope, call) && !guardedLikeRegistration(facts, scope, call, listener)) continue;
    // `try { emitter.emit('timeout'); emitter.off(…) } catch {}`: a call before it in the try may throw and skip it
    if (everyPath && skippedByCatch(facts, scope, call)) continue;
    const callee = unwrap(call.callee);
    const method = propertyName(callee);
    if (removalOf(facts, call, listener)) return true;
    if (method === 'removeAllListeners' && sameTarget(facts, callee.object, listener.target) && (call.arguments.length === 0 || sameTarget(facts, call.arguments[0], listener.event))) return true;
    if (depth === 0) {
      const local = resolver.localFunctionOf(callee);
      if (local && removes(facts, local.fn, listener, depth + 1, everyPath)) return true;
    }
  }
  return false;
}

// `if (signal) signal.removeEventListener('abort', onAbort);` on every path of `scope`, for a
// listener added under the same test (`if (signal) signal.addEventListener(…)`) of names nothing
// reassigns: the removal runs on every run that added the listener.
// `call` in the block of a try with a catch, after a call there that may throw (anything but a
// removal or a settle): the catch then skips it
function skippedByCatch(facts: Facts, scope: any, call: any): boolean {
  const { tree } = facts;
  let child = call;
  for (const ancestor of tree.ancestors(call)) {
    if (ancestor === scope) return false;
    if (ancestor.type === 'TryStatement' && ancestor.handler && child === ancestor.block) {
      const holder = ancestor.block.body.find((statement: any) => tree.isInside(call, statement));
      const before = ancestor.block.body.slice(0, ancestor.block.body.indexOf(holder));
      const inHolder = [...tree.within(holder, 'CallExpression'), ...tree.within(holder, 'OptionalCallExpression')].filter((other) => other.end <= call.start);
      const calls = [...before.flatMap((statement: any) => [...tree.within(statement, 'CallExpression'), ...tree.within(statement, 'OptionalCallExpression')]), ...inHolder];
      // a call by a bare name is taken for a settle (`resolve(v)`); any other that may throw counts
      if (calls.some((other) => unwrap(other.callee)?.type !== 'Identifier' && mayThrowBeforeCleanup(facts, other))) return true;
    }
    child = ancestor;
  }
  return false;
}

function guardedLikeRegistration(facts: Facts, scope: any, call: any, listener: Listener): boolean {
  const { tree } = facts;
  const guardOf = (node: any) => {
    const guard = [...tree.ancestors(node)].find((ancestor) => ancestor.type === 'IfStatement');
    return guard && tree.isInside(node, guard.consequent) ? guard : undefined;
  };
  const guard = guardOf(call);
  const added = guardOf(listener.call);
  // the test is evaluated on every path of the scope (so the `if` runs on each)
  if (!guard || !added || !isFunction(scope) || !tree.isInside(guard, scope) || !runsOnEveryPathOf(tree, scope, guard.test)) return false;
  // a test of plain names (`if (signal)`): a property (`signal.aborted`) may change in between
  const reads = (type: string) => tree.within(guard.test, type);
  if (!facts.sameText(guard.test, added.test) || !isEffectFree(guard.test) || reads('MemberExpression').length > 0 || reads('OptionalMemberExpression').length > 0) return false;
  if (!reads('Identifier').every((name) => !facts.scopes.isReference(name) || isStable(facts, name))) return false;
  // the call runs whenever the branch does: the branch itself, or a statement of its block with nothing before it that may leave
  const consequent = guard.consequent;
  const holder = tree.parent(call);
  if (holder?.type !== 'ExpressionStatement') return false;
  if (consequent === holder) return true;
  if (consequent.type !== 'BlockStatement' || tree.parent(holder) !== consequent) return false;
  return consequent.body.slice(0, consequent.body.indexOf(holder)).every((statement: any) => !mayLeaveEarly(statement));
}

// `removeListener`, `off`, `removeEventListener`: the removals of one listener (not `removeAllListeners`)
function isOneListenerRemoval(method: string | undefined): boolean {
  return method !== undefined && method !== 'removeAllListeners' && (LISTENER_REMOVERS as readonly string[]).includes(method);
}

// `emitter.removeListener('ready', onReady)`, `off`, `removeEventListener`: a removal of this very listener
function removalOf(facts: Facts, call: any, listener: Listener): boolean {
  const callee = unwrap(call?.callee);
  const method = propertyName(callee);
  if (!method || !isOneListenerRemoval(method)) return false;
  // an EventTarget removes only a listener added with the same capture flag
  if (method === 'removeEventListener' && !sameCapture(facts, listener.options, call.arguments[2])) return false;
  // a function written in the removal is a new one, whatever its text: only a name removes an inline handler
  const sameHandler = isFunction(unwrap(listener.handler)) ? namesHandler(facts, call.arguments[1], listener.handler) : sameTarget(facts, call.arguments[1], listener.handler);
  return sameTarget(facts, callee.object, listener.target) && sameTarget(facts, call.arguments[0], listener.event) && sameHandler;
}

// `true`, `{ capture: true }` against nothing, `false`, `{ once: true }`: the capture flag each gives,
// and the same when both are written alike; options this cannot read are not the same
function sameCapture(facts: Facts, added: any, removed: any): boolean {
  const flag = (node: any): boolean | undefined => {
    const value = unwrap(node);
    if (value === undefined) return false;
    if (value.type === 'BooleanLiteral' || (value.type === 'Literal' && typeof value.value === 'boolean')) return value.value;
    if (value.type !== 'ObjectExpression') return undefined;
    const capture = value.properties.find((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'capture');
    if (!capture) return value.properties.every((property: any) => property.type === 'ObjectProperty' || property.type === 'Property') ? false : undefined;
    const captured = unwrap(capture.value);
    return captured?.type === 'BooleanLiteral' || (captured?.type === 'Literal' && typeof captured.value === 'boolean') ? captured.value : undefined;
  };
  if (added !== undefined && removed !== undefined && facts.textOf(unwrap(added)) === facts.textOf(unwrap(removed))) return true;
  const a = flag(added);
  const b = flag(removed);
  return a !== undefined && a === b;
}

// Style b: the code removes every listener on every path, and only the events' clear is missing.
// `clearTimeout(handle)` goes above each settle of a handler that does not clear the timer yet. The
// timer then never fires after an event settled the promise, so what it does must be harmless to
// skip, and each clear must run after the handle is assigned. The preconditions, each answered with
// why the clear is not added when it fails (the site then keeps its verdict):
// - the timer is one top-level statement of the executor, its handle dropped (a bare `setTimeout(…)`
//   statement, which becomes `const <handle> = setTimeout(…)`) or declared there and only cleared;
//   its delay evaluates to a value without running code;
// - its callback (a function literal) only removes the site's listeners, each with the two
//   arguments it was added with, and settles once;
// - each handler is a function with a block body, not async, added for one event and run only by
//   it: an inline function, or a name used only to add and remove it (`done()` called by the
//   executor would run before the handle is assigned);
// - a handler added above the timer has nothing between its registration and the timer statement
//   but registrations and declarations of functions, which cannot emit (`on` never calls a handler
//   at once);
// - each settle of a handler is a statement of its own (`resolve(v);`, `return resolve(v);`) in a
//   block of the handler itself, with `clearTimeout` the global and the handle's name meaning the
//   handle there, and every listener (but a `once` listener's own) removed on its way: a removal
//   statement before it in its block or a block around it, or right after it in its block;
// - every settle point outside the handlers already leaves no timer armed (before the timer, say).
function eventClears(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, handlerOf: (listener: Listener) => any, pointsIn: (listener: Listener) => ExecutorSite['settlePoints']): EventClears | string {
  const { tree, resolver } = facts;
  const armed = clearableTimer(facts, site, timer);
  if (typeof armed === 'string') return armed;
  const { guarded, timerStatement, handle } = armed;
  const effects = callbackEffects(timer.callback);
  const calls = effects?.every((effect) => effect.kind === 'call') ? effects.map((effect) => (effect as { call: any }).call) : [];
  const settles = calls.filter((call) => isSettleName(facts, site, unwrap(call.callee)));
  const removesOnly = (call: any) => call.arguments.length === 2 && call.arguments.every(isEffectFree) && site.listeners.some((listener) => removalOf(facts, call, listener));
  if (calls.length === 0 || settles.length !== 1 || !settles[0].arguments.every(isEffectFree) || !calls.every((call) => settles.includes(call) || removesOnly(call))) {
    return "the timer does more than remove the executor's listeners and settle, which the clear would skip";
  }

  const statements: any[] = site.executor.body.body;
  const timerIndex = statements.indexOf(timerStatement);
  const registrations = new Set(site.listeners.map((listener) => listener.statement));

  const settlesToClear = new Set<any>();
  const inHandlers = new Set<any>();
  // `clearTimeout`, or how the file reaches it (node:timers' import, `globalThis.clearTimeout`)
  const spellings = new Set<string>();
  for (const listener of site.listeners) {
    if (!listener.statement || (listener.options !== undefined && !(listener.method === 'addEventListener' && isPlainListenerOptions(listener.options)))) return 'a listener is added in a branch, a nested function or with options';
    if ((!isStable(facts, listener.target) && !isStableMember(facts, listener.target, timer.callback)) || (!isStringLiteral(listener.event) && !isStable(facts, listener.event))) {
      return `the listener's target or event in \`${facts.code(listener.call, 50)}\` may change`;
    }
    const handler = handlerOf(listener);
    const name = facts.code(listener.handler, 40);
    if (!isFunction(handler)) return `the listener \`${name}\` is not a function of the executor, with a block to put the clear in`;
    if (handler.body.type !== 'BlockStatement') return `the handler \`${name}\` has an expression body, with no block to put the clear in`;
    if (handler.async || handler.generator) return `the handler \`${name}\` is async, and what runs across its awaits is not followed`;
    if (site.listeners.some((other) => other !== listener && handlerOf(other) === handler)) return `the handler \`${name}\` is added for more than one event`;
    if (!isFunction(unwrap(listener.handler))) {
      const local = resolver.localFunctionOf(listener.handler);
      const runsOnlyAsListener =
        local !== undefined &&
        !hasWrites(local.binding) &&
        tree.isInside(local.fn, site.executor) &&
        local.binding.references.every((reference) => {
          if (reference.node === unwrap(listener.handler)) return true;
          const call = tree.parent(reference.node);
          // `return done();` of the executor: with the handle a `let` at the top, a clear before the timer is armed clears nothing
          // (before the timer only: called after it, a `once` listener would no longer be removed by the cleared timer)
          if (guarded && call?.type === 'CallExpression' && call.callee === reference.node && tree.functionOf(call) === site.executor && call.end <= guarded.start) return true;
          return (call?.type === 'CallExpression' || call?.type === 'OptionalCallExpression') && call.arguments[1] === reference.node && site.listeners.some((each) => removalOf(facts, call, each));
        });
      if (!runsOnlyAsListener) return `the handler \`${name}\` is also used for more than adding and removing it, and may run before the timer is armed`;
    }
    const registrationIndex = statements.indexOf(listener.statement);
    if (registrationIndex < timerIndex && !statements.slice(registrationIndex, timerIndex).every((statement) => isQuietRegistration(site, statement) || (!registrations.has(statement) && declaresOnly(statement, 'functions')))) {
      return `the handler \`${name}\` is added above the timer, with code between them that may emit before the handle is kept`;
    }
    const points = pointsIn(listener);
    if (points.length === 0) return `the handler \`${name}\` settles nothing itself`;
    for (const point of points) {
      inHandlers.add(point);
      if (point.cleared) continue;
      // every listener removed on its way (a `once` listener's own by firing)
      const leftOn = (statement: any) => {
        const removed = (other: Listener) => (other === listener && firesOnce(facts, other)) || removedOnWayTo(facts, statement, handler, other);
        return site.listeners.every(removed) ? undefined : `a listener stays attached when the handler \`${name}\` settles by \`${facts.code(point.node, 40)}\``;
      };
      const statement = settleToClear(facts, timer, point, handler, `the handler \`${name}\``, armed, spellings, leftOn);
      if (typeof statement === 'string') return statement;
      settlesToClear.add(statement);
    }
  }
  const elsewhere = site.settlePoints.find((point) => !inHandlers.has(point) && !point.cleared);
  if (elsewhere) return `\`${facts.code(elsewhere.node, 40)}\` settles the promise outside the handlers, and leaves the timer armed`;
  const executorSpelling = handlerClearSpelling(facts, timer, site.executor.body);
  if (!executorSpelling.ok) return `\`${executorSpelling.name}\` here is not the global`;
  spellings.add(executorSpelling.spelling);
  if (settlesToClear.size === 0) return 'no settle of a handler is left to clear the timer';
  if (spellings.size !== 1) return '`clearTimeout` is reached by different names in the handlers';
  return { handle, settles: [...settlesToClear], clear: [...spellings][0], declareAtTop: guarded !== undefined };
}

// The timer of eventClears and propertyClears: the site's one timer, armed by a statement of its
// own at the top of the executor (or `if (expire) setTimeout(…);`, armed under a test that only
// reads, its handle a `let` at the top of the executor: the handlers may run before the timer is
// armed, or without it), its delay and arguments running no code; its handle none yet (`const
// <handle> = ` goes right before a bare `setTimeout(…);`), or a const of that statement used only to
// clear it. Or why not.
function clearableTimer(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>): { guarded: any; timerStatement: any; handle?: string; handleBinding?: any } | string {
  const { tree } = facts;
  const guarded = site.timerStatement ? undefined : guardedTimer(facts, site, timer);
  const timerStatement = site.timerStatement ?? guarded;
  if (site.timers.length !== 1 || !timerStatement || site.executor.body.type !== 'BlockStatement') return 'the timer is not armed by a statement of its own at the top of the executor';
  if (timer.extraArguments.length > 0 || (timer.delay !== undefined && !isEffectFree(timer.delay))) return "the timer's delay or arguments run code, which could emit before the handle is kept";
  if (guarded) {
    if (timer.capture.kind !== 'none') return 'its handle is kept in a variable declared elsewhere, which other code may assign';
    return { guarded, timerStatement };
  }
  if (timer.capture.kind === 'none') {
    if (timerStatement.type !== 'ExpressionStatement' || tree.parent(timer.expression) !== timerStatement || timer.expression.start !== timerStatement.start) return "the timer's statement is not a bare `setTimeout(…)`";
    return { guarded, timerStatement };
  }
  if (timer.capture.kind === 'declared' && timer.capture.statement === timerStatement) {
    if (!timer.uses.every((use) => use.kind === 'clear')) return `its handle \`${timer.capture.binding.name}\` is used for more than clearing it`;
    return { guarded, timerStatement, handle: timer.capture.binding.name, handleBinding: timer.capture.binding };
  }
  return 'its handle is kept in a variable declared elsewhere, which other code may assign';
}

// `clearTimeout` as a handler reaches it: the global, node:timers' import, or the timer's own
// object's (`window.clearTimeout`); not `globalThis.clearTimeout` beside a file's own
// `clearTimeout`, which a reader would take for it
function handlerClearSpelling(facts: Facts, timer: NonNullable<ExecutorSite['timer']>, at: any): ReturnType<typeof clearSpelling> {
  const spelling = clearSpelling(facts, timer, at);
  return spelling.ok && spelling.spelling === 'globalThis.clearTimeout' && timer.builtin.via.kind !== 'global-member' ? { ok: false as const, name: 'clearTimeout' } : spelling;
}

// A settle of a handler (eventClears, propertyClears) that does not clear the timer yet: the
// statement the clear goes right before, or why not. It settles by a statement of its own in a
// block of the handler itself, where `clearTimeout` is reached one way (added to `spellings`) and
// the handle is the site's; `leftOn` says what the handler would leave on there once the timer no
// longer takes it off; and it settles with values it does not compute (an argument that throws
// would leave the promise pending, with the timer that would have settled it cleared). `who`
// names the handler in the reasons.
function settleToClear(facts: Facts, timer: NonNullable<ExecutorSite['timer']>, point: ExecutorSite['settlePoints'][number], handler: any, who: string, armed: { handle?: string; handleBinding?: any }, spellings: Set<string>, leftOn: (statement: any) => string | undefined): any {
  const { tree, resolver, scopes } = facts;
  if (point.byReference || tree.functionOf(point.node) !== handler) return `${who} settles from a function of its own`;
  const statement = tree.statementOf(point.node);
  const ownStatement = (statement?.type === 'ExpressionStatement' && unwrap(statement.expression) === point.node) || (statement?.type === 'ReturnStatement' && unwrap(statement.argument) === point.node);
  if (!ownStatement || tree.parent(statement)?.type !== 'BlockStatement') return `\`${facts.code(point.node, 40)}\` in ${who} is not a statement of its own in a block`;
  const spelling = handlerClearSpelling(facts, timer, point.node);
  if (!spelling.ok) return `\`${spelling.name}\` here is not the global`;
  spellings.add(spelling.spelling);
  if (armed.handle !== undefined && scopes.lookupFrom(resolver.scopeAt(point.node), armed.handle) !== armed.handleBinding) return `\`${armed.handle}\` in ${who} is another variable`;
  const left = leftOn(statement);
  if (left) return left;
  if (point.node.type !== 'CallExpression' || !point.node.arguments.every(isEffectFree)) return `\`${facts.code(point.node, 40)}\` in ${who} computes what it settles with, which may throw after the clear`;
  return statement;
}

// The handler properties' twin of eventClears: every `target.onX = handler` of the executor is set
// back to null by the timer, which only does that and settles; the handlers settle and leave the
// timer armed (and a late timer would set to null a handler put there since). Each handler then
// clears the timer where it settles, as eventClears has a listener's handler do, under the same
// preconditions: one timer, armed by a statement of its own at the top of the executor (or under an
// `if` whose test only reads, its handle a `let` at the top), its delay running no code; each
// property set by a statement of its own at the top of the executor, to a function with a block,
// not async, on a target that does not change (one set above the timer makes the handle a `let` at
// the top of the executor); each settle of a handler as settleToClear says, with every property
// the timer takes off set back to null on its way; no settle elsewhere that leaves the timer armed;
// `clearTimeout` the global (or reached one way in all of them).
function propertyClears(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>): EventClears | string {
  const { tree } = facts;
  const armed = clearableTimer(facts, site, timer);
  if (typeof armed === 'string') return armed;
  const { guarded, timerStatement, handle } = armed;
  // the timer's callback: one settle, and the site's handler properties set to null
  const effects = callbackEffects(timer.callback) ?? [];
  const settles = effects.filter((effect) => effect.kind === 'call' && isSettleName(facts, site, unwrap(effect.call.callee)));
  const nulls = effects.filter((effect) => effect.kind === 'assign' && site.propertyListeners.some((property) => isNullingOf(facts, effect.assignment, property)));
  if (settles.length !== 1 || settles.length + nulls.length !== effects.length || !(settles[0] as { call: any }).call.arguments.every(isEffectFree)) return 'the timer does more than set the handlers to null and settle, which the clear would skip';
  const statements: any[] = site.executor.body.body;
  const timerIndex = statements.indexOf(timerStatement);
  const settlesToClear = new Set<any>();
  const inHandlers = new Set<any>();
  const spellings = new Set<string>();
  let above = false;
  for (const property of site.propertyListeners) {
    const statement = tree.parent(property.assignment);
    const index = statements.indexOf(statement);
    if (statement?.type !== 'ExpressionStatement' || index === -1) return `\`${facts.code(property.assignment.left, 40)}\` is not set by a statement of its own at the top of the executor`;
    if (!isStable(facts, property.target)) return `the target of \`${facts.code(property.assignment.left, 40)}\` may change`;
    if (site.propertyListeners.filter((other) => facts.textOf(other.assignment.left) === facts.textOf(property.assignment.left)).length > 1) return `\`${facts.code(property.assignment.left, 40)}\` is set more than once`;
    const handler = unwrap(property.assignment.right);
    const name = facts.code(property.assignment.left, 40);
    if (!isFunction(handler) || handler.body.type !== 'BlockStatement') return `the handler of \`${name}\` is not a function with a block to put the clear in`;
    if (handler.async || handler.generator) return `the handler of \`${name}\` is async, and what runs across its awaits is not followed`;
    // set above the timer, it may run before the timer is armed (a setter, a getter read between):
    // the handle is then a `let` at the top of the executor, which it clears while still unset,
    // leaving the timer to be armed after, as today; a handle the code declares itself would be
    // read before its declaration
    if (index < timerIndex) {
      if (handle !== undefined) return `the handler of \`${name}\` is set above the timer, whose handle \`${handle}\` it would read before its declaration`;
      above = true;
    }
    const points = site.settlePoints.filter((point) => tree.isInside(point.node, handler));
    if (points.length === 0) return `the handler of \`${name}\` settles nothing itself`;
    for (const point of points) {
      inHandlers.add(point);
      if (point.cleared) continue;
      // the handler takes every handler off on its way, as the timer does: once the timer no longer
      // does, it must (a handler left on would run again for each later event, where the timer took
      // it off at the deadline)
      const leftOn = (settle: any) => {
        const left = site.propertyListeners.find((other) => !nulledOnWayTo(facts, settle, handler, other));
        return left && `the handler of \`${name}\` does not set \`${facts.code(left.assignment.left, 40)}\` back to null where it settles by \`${facts.code(point.node, 40)}\`, and it would stay on once the timer no longer takes it off`;
      };
      const settle = settleToClear(facts, timer, point, handler, `the handler of \`${name}\``, armed, spellings, leftOn);
      if (typeof settle === 'string') return settle;
      settlesToClear.add(settle);
    }
  }
  const elsewhere = site.settlePoints.find((point) => !inHandlers.has(point) && !point.cleared && !(isFunction(timer.callback) && tree.isInside(point.node, timer.callback)));
  if (elsewhere) return `\`${facts.code(elsewhere.node, 40)}\` settles the promise outside the handlers, and leaves the timer armed`;
  const throws = throwAfterTimer(facts, site);
  if (throws) return `\`${facts.code(throws, 40)}\` may throw after the timer is armed`;
  const executorSpelling = handlerClearSpelling(facts, timer, site.executor.body);
  if (!executorSpelling.ok) return `\`${executorSpelling.name}\` here is not the global`;
  spellings.add(executorSpelling.spelling);
  if (settlesToClear.size === 0) return 'no settle of a handler is left to clear the timer';
  if (spellings.size !== 1) return '`clearTimeout` is reached by different names in the handlers';
  return { handle, settles: [...settlesToClear], clear: [...spellings][0], declareAtTop: guarded !== undefined || above };
}

// `target.onX = null;` as a statement before `settle` in its block, or in a block of the handler around it
function nulledOnWayTo(facts: Facts, settle: any, handler: any, property: ExecutorSite['propertyListeners'][number]): boolean {
  const { tree } = facts;
  // (the same target: `socket` in the handler is the socket, not a parameter of that name)
  const sameTarget = (assignment: any) => {
    const target = unwrap(property.target);
    const object = unwrap(unwrap(assignment.left).object);
    return target.type !== 'Identifier' || (object?.type === 'Identifier' && facts.scopes.bindingOf(object) === facts.scopes.bindingOf(target));
  };
  const nulls = (statement: any) => statement.type === 'ExpressionStatement' && unwrap(statement.expression)?.type === 'AssignmentExpression' && isNullingOf(facts, unwrap(statement.expression), property) && sameTarget(unwrap(statement.expression));
  let child = settle;
  for (const ancestor of tree.ancestors(settle)) {
    if (ancestor.type === 'BlockStatement' && ancestor.body.slice(0, ancestor.body.indexOf(child)).some(nulls)) return true;
    if (ancestor === handler) return false;
    child = ancestor;
  }
  return false;
}

// `if (expire) setTimeout(…);` (or with the timer alone in a block): a statement of the executor's
// body that arms the site's one timer, bare, under a test that runs no code
function guardedTimer(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>): any | undefined {
  const statements: any[] = site.executor.body.type === 'BlockStatement' ? site.executor.body.body : [];
  const statement = statements.find((each) => facts.tree.isInside(timer.call, each));
  if (statement?.type !== 'IfStatement' || statement.alternate || !isEffectFree(statement.test)) return undefined;
  const consequent = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
  return consequent.type === 'ExpressionStatement' && consequent.expression === timer.expression ? statement : undefined;
}

// A removal of `listener` that runs whenever `settle` does: a statement before it in its block or
// in a block around it (in the handler), or after it in its own block with only other removals
// between (a call that throws there would skip it).
function removedOnWayTo(facts: Facts, settle: any, handler: any, listener: Listener): boolean {
  const { tree, resolver } = facts;
  const removal = (statement: any, of: Listener) => statement.type === 'ExpressionStatement' && removalOf(facts, unwrap(statement.expression), of);
  // `detach();` before the settle, with `function detach() { emitter.off('ready', onReady); … }` a
  // function of the handler's own function, without parameters, that removes it on every path
  const removalBefore = (statement: any, of: Listener) => {
    if (removal(statement, of)) return true;
    const call = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
    if (call?.type !== 'CallExpression' || call.arguments.length > 0) return false;
    const local = resolver.localFunctionOf(call.callee);
    if (!local || local.fn.params.length > 0 || local.fn.async || local.fn.generator || tree.functionOf(local.fn) !== tree.functionOf(handler) || hasWrites(local.binding)) return false;
    return [...tree.within(local.fn, 'CallExpression'), ...tree.within(local.fn, 'OptionalCallExpression')].some((inner) => tree.functionOf(inner) === local.fn && removalOf(facts, inner, of) && runsOnEveryPathOf(tree, local.fn, inner));
  };
  const list: any[] = tree.parent(settle).body;
  if (settle.type === 'ExpressionStatement') {
    for (const after of list.slice(list.indexOf(settle) + 1)) {
      if (removal(after, listener)) return true;
      if (mayLeaveEarly(after) || !(after.type === 'ExpressionStatement' && removalOfAny(facts, after))) break;
    }
  }
  let child = settle;
  for (const ancestor of tree.ancestors(settle)) {
    if (ancestor.type === 'BlockStatement' && ancestor.body.slice(0, ancestor.body.indexOf(child)).some((before: any) => removalBefore(before, listener))) return true;
    if (ancestor === handler.body || isFunction(ancestor)) break;
    child = ancestor;
  }
  return false;
}

// `x.off(event, handler)` of any listener: a call that does not throw
function removalOfAny(facts: Facts, statement: any): boolean {
  const callee = unwrap(unwrap(statement.expression)?.callee);
  return isOneListenerRemoval(propertyName(callee)) && unwrap(statement.expression).arguments.every(isEffectFree);
}

// `emitter.removeListener('ready', onReady)` for each listener the timer's callback leaves: a listener
// added by a statement of its own, with a name (a const, a function of the executor) or an inline
// handler the fix names, on a target and event that do not change, with a timer callback that is a
// function of its own. Undefined when one cannot be removed so.
function timerRemovals(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, removedBy: (scope: any, listener: Listener) => boolean): TimerRemoval[] | undefined {
  const effects = callbackEffects(timer.callback);
  if (!isFunction(timer.callback) || effects === undefined || returnsInCallback(facts.tree, timer.callback)) return undefined;
  // the removals go at the end of the callback, after its own settle: a timer that settles later
  // (`disconnect().then(() => reject(err))`) would lose an event that comes in between and settles
  if (!effects.some((effect) => effect.kind === 'call' && isSettleName(facts, site, unwrap(effect.call.callee)))) return undefined;
  if (site.timerStatement && directiveAbove(facts, site.timerStatement)) return undefined;
  const removals: TimerRemoval[] = [];
  for (const listener of site.listeners) {
    if (removedBy(timer.callback, listener)) continue;
    // removed on some runs of the timer only (`if (verbose) off(…)`): a second removal beside it is not added
    if (removes(facts, timer.callback, listener)) return undefined;
    const handler = unwrap(listener.handler);
    if (!isStable(facts, listener.target) && !isStableMember(facts, listener.target, timer.callback)) return undefined;
    if (!isStringLiteral(listener.event) && !isStable(facts, listener.event)) return undefined;
    if (listener.options && !(listener.method === 'addEventListener' && isPlainListenerOptions(listener.options))) return undefined;
    const remover = removerFor(facts, listener);
    if (!remover) return undefined;
    if (!readsSameAt(facts, listener, timer.callback.body)) return undefined;
    const removal = { listener, target: facts.textOf(unwrap(listener.target)), event: facts.textOf(listener.event), remover };
    // the timer reads the handler's name: a call after the timer that may throw before the name is
    // initialised would leave it in its temporal dead zone when the timer fires
    const throwsBefore = (at: number) => leaveAfterTimer(facts, site, at) !== undefined;
    if (isFunction(handler)) {
      // named by the fix: a statement of its own to name it before; in TypeScript, typed parameters
      if (!listener.statement || handler.type === 'FunctionExpression' && facts.tree.within(handler.body, 'ThisExpression').length > 0) return undefined;
      if (!facts.typesParameters(handler)) return undefined;
      if (throwsBefore(listener.statement.start) || directiveAbove(facts, listener.statement)) return undefined;
      removals.push(removal);
      continue;
    }
    if (handler?.type !== 'Identifier' || (!facts.resolver.localFunctionOf(handler) && !isSettleName(facts, site, handler))) return undefined;
    // the handler's name must mean the same in the timer's callback
    const binding = facts.scopes.bindingOf(handler);
    if (!binding || facts.scopes.lookupFrom(facts.resolver.scopeAt(timer.callback.body), handler.name) !== binding) return undefined;
    if (['const', 'let', 'class'].includes(binding.kind) && throwsBefore(binding.id.start)) return undefined;
    removals.push({ ...removal, name: handler.name });
  }
  return removals.length > 0 ? removals : undefined;
}

// Each listener removed where a handler settles, and by the timer after it settles: every listener
// is one the timer can remove (timerRemovals), each handler a function of the executor whose every
// settle is a statement of its own in a block of it (not `on('error', reject)`, not in a closure),
// added for one event. A string says which of these fails.
function eventRemovals(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, removedBy: (scope: any, listener: Listener) => boolean, handlerOf: (listener: Listener) => any, pointsIn: (listener: Listener) => ExecutorSite['settlePoints']): EventRemovals | string {
  const { tree } = facts;
  // in TypeScript, `(code) => …` takes its parameters' types from the call: named, it would lose them
  const untyped = facts.typescript ? site.listeners.find((listener) => isFunction(unwrap(listener.handler)) && !facts.typesParameters(unwrap(listener.handler))) : undefined;
  if (untyped) return `the handler \`${facts.code(untyped.handler, 40)}\` takes its parameters' types from the call it is passed to, which a const of its own would lose, and none that can be written there is known`;
  const unremovable = site.listeners.find((listener) => !removerFor(facts, listener));
  if (unremovable) return `nothing in this file shows that \`${facts.code(unremovable.target, 40)}\` has \`removeListener\` (\`on()\` alone does not)`;
  // an emitter with no 'error' listener throws on an 'error' event: the one the code leaves attached
  // swallows a late error, which would then crash the process
  const errorListener = site.listeners.find((listener) => isEmitterErrorListener(listener, facts));
  if (errorListener) {
    const { which } = errorListenerData(facts, errorListener);
    return `removing ${which} would let a late 'error' event throw, which that listener swallows today`;
  }
  for (const listener of site.listeners) {
    const leaves = listener.statement ? leaveAfterTimer(facts, site, listener.statement.start) : undefined;
    if (leaves) return `\`${facts.code(leaves, 40)}\` may end the executor after the timer is armed and before \`${facts.code(listener.call, 30)}\`: the timer would then read the handler's name uninitialised`;
    if (isFunction(timer.callback) && !readsSameAt(facts, listener, timer.callback.body)) return `\`${facts.code(listener.target, 30)}\` does not mean in the timer's callback what it means where the listener is added`;
  }
  const removals = timerRemovals(facts, site, timer, removedBy);
  if (!removals || removals.length !== site.listeners.length) return 'the timer cannot remove every listener by name after it settles';
  const settles: any[] = [];
  const inHandlers = new Set<any>();
  for (const listener of site.listeners) {
    const handler = handlerOf(listener);
    const name = facts.code(listener.handler, 40);
    if (!isFunction(handler) || handler.body.type !== 'BlockStatement') return `the listener \`${name}\` is not a function with a block to put the removals in`;
    if (handler.async || handler.generator) return `the handler \`${name}\` is async, and what runs across its awaits is not followed`;
    if (site.listeners.some((other) => other !== listener && handlerOf(other) === handler)) return `the handler \`${name}\` is added for more than one event`;
    // a named handler is the listener only: called directly, it would remove the others too
    if (!isFunction(unwrap(listener.handler))) {
      const local = facts.resolver.localFunctionOf(listener.handler);
      if (!local || hasWrites(local.binding) || !tree.isInside(local.fn, site.executor) || !local.binding.references.every((reference) => reference.node === unwrap(listener.handler))) return `the handler \`${name}\` is used for more than adding it`;
    }
    const points = pointsIn(listener);
    if (points.length === 0) return `the handler \`${name}\` settles nothing itself`;
    for (const point of points) {
      inHandlers.add(point);
      if (point.byReference || tree.functionOf(point.node) !== handler) return `the handler \`${name}\` settles from a function of its own`;
      const statement = tree.statementOf(point.node);
      const ownStatement = (statement?.type === 'ExpressionStatement' && unwrap(statement.expression) === point.node) || (statement?.type === 'ReturnStatement' && unwrap(statement.argument) === point.node);
      if (!ownStatement || tree.parent(statement)?.type !== 'BlockStatement') return `\`${facts.code(point.node, 40)}\` in the handler \`${name}\` is not a statement of its own in a block`;
      // one listener: its removal is written right there, and must reach the same emitter
      if (site.listeners.length === 1 && !readsSameAt(facts, listener, statement, isFunction(unwrap(listener.handler)) ? undefined : unwrap(listener.handler))) {
        return `\`${facts.code(listener.target, 30)}\` does not mean in the handler \`${name}\` what it means where the listener is added (a name of the handler, or its own \`this\`)`;
      }
      settles.push(statement);
    }
    const loud = loudLateRun(facts, site, handler);
    if (loud) return `\`${facts.code(loud, 40)}\` in the handler \`${name}\` does more than settle: it runs on every later event today, and would stop, or throw after the removal`;
  }
  // `reject` passed as a listener, or a settle outside the handlers and the timer; but not
  // `if (ready) return resolve(value);` in the executor, before any listener is added
  const firstListener = Math.min(...site.listeners.map((listener) => listener.statement?.start ?? -1));
  const returnsBefore = (point: ExecutorSite['settlePoints'][number]) => {
    const statement = tree.statementOf(point.node);
    return statement?.type === 'ReturnStatement' && unwrap(statement.argument) === point.node && tree.functionOf(point.node) === site.executor && statement.end <= firstListener;
  };
  const elsewhere = site.settlePoints.find((point) => !inHandlers.has(point) && !(isFunction(timer.callback) && tree.isInside(point.node, timer.callback)) && !returnsBefore(point));
  if (elsewhere) return `\`${facts.code(elsewhere.node, 40)}\` settles the promise outside the handlers, and would leave the listeners attached`;
  return { removals, settles };
}

// What after the timer, and before the offset `at`, may throw out of the executor with the timer
// armed: a call of its own flow (the site's syncThrows), or, in a statement of the executor's body,
// a `throw` or a `new` of anything but Error, TypeError or RangeError (`new URL(…)`); with
// `returnsToo`, a `return` of the executor's own as well.
function throwAfterTimer(facts: Facts, site: ExecutorSite, at = Infinity, returnsToo = false): any | undefined {
  const call = site.syncThrows.find((node) => node.start < at);
  if (call) return call;
  const statements: any[] = site.executor.body.type === 'BlockStatement' ? site.executor.body.body : [];
  const from = statements.indexOf(site.timerStatement);
  if (from === -1) return undefined;
  for (const statement of statements.slice(from + 1)) {
    if (statement.start >= at) break;
    let throws: any;
    walkOwn(statement, (node) => {
      if (throws) return;
      if (node.type === 'ThrowStatement' || (returnsToo && node.type === 'ReturnStatement')) throws = node;
      else if (node.type === 'NewExpression' && !(unwrap(node.callee)?.type === 'Identifier' && ['Error', 'TypeError', 'RangeError'].includes(unwrap(node.callee).name) && facts.scopes.isGlobalReference(unwrap(node.callee)))) throws = node;
    });
    if (throws) return throws;
  }
  return undefined;
}

// What after the timer, and before the offset `at`, may leave the executor with the timer armed: a
// throw (throwAfterTimer) or a `return` of the executor's own. A handler named by the fix is a const
// declared at its listener: left before that, the timer would read it in its temporal dead zone.
function leaveAfterTimer(facts: Facts, site: ExecutorSite, at: number): any | undefined {
  return throwAfterTimer(facts, site, at, true);
}

// A removal of `listener` written at `at` reaches what its registration reached: each name its
// target and event read is the same binding there (`(emitter) => …` or `const emitter = …` in a
// handler would shadow it), and `this` is the same one (only arrows from `at` up to the listener's
// function). So is `name`, the handler's own, when given.
function readsSameAt(facts: Facts, listener: Listener, at: any, name?: any): boolean {
  const { tree, scopes, resolver } = facts;
  const scope = resolver.scopeAt(at);
  const all = (node: any, type: string) => (node?.type === type ? [node] : tree.within(node, type));
  const ids = [listener.target, listener.event].flatMap((part) => all(unwrap(part), 'Identifier')).filter((id) => scopes.isReference(id));
  if (name?.type === 'Identifier') ids.push(name);
  if (ids.some((id) => scopes.lookupFrom(scope, id.name) !== scopes.bindingOf(id))) return false;
  if ([listener.target, listener.event].some((part) => all(unwrap(part), 'ThisExpression').length > 0)) {
    const home = tree.functionOf(listener.call);
    for (let fn = isFunction(at) ? at : tree.functionOf(at); fn && fn !== home; fn = tree.functionOf(fn)) if (fn.type !== 'ArrowFunctionExpression') return false;
  }
  return true;
}

// A statement of a handler that, run again once the promise has settled, does nothing anyone sees:
// a settle (a no-op then) with arguments that run no code, a clear, a return, a declaration or an
// assignment to a variable of the executor with values that run no code, under `if` tests that only
// read. The removal a fix puts before the settle stops those later runs; any other code would stop
// running too (`log.push(m)`), or could throw after the removal (`resolve(JSON.parse(buf))`) and
// leave the promise waiting with no listener. The first statement that is not so, or undefined.
function loudLateRun(facts: Facts, site: ExecutorSite, handler: any): any | undefined {
  // a variable of the executor read only by its own statements and its handlers: not by a closure
  // that may outlive the promise (`function seen() { return count; }` handed to resolve)
  const handlers = site.listeners.map((listener) => unwrap(listener.handler)).map((each) => (isFunction(each) ? each : facts.resolver.localFunctionOf(each)?.fn)).filter(Boolean);
  const local = (node: any) => {
    const id = unwrap(node);
    const binding = id?.type === 'Identifier' ? facts.scopes.bindingOf(id) : undefined;
    return (
      binding !== undefined &&
      facts.tree.isInside(binding.id, site.executor) &&
      binding.references.every((reference) => {
        const fn = facts.tree.functionOf(reference.node);
        return facts.tree.isInside(reference.node, site.executor) && (fn === site.executor || handlers.includes(fn));
      })
    );
  };
  const quiet = (expression: any): boolean => {
    const node = unwrap(expression);
    if (node?.type === 'CallExpression') {
      if (isSettleName(facts, site, unwrap(node.callee))) return node.arguments.every(isEffectFree);
      return clearedBy(facts.resolver, node) !== undefined && node.arguments.every(isEffectFree);
    }
    if (node?.type === 'AssignmentExpression') return local(node.left) && isEffectFree(node.right);
    if (node?.type === 'UpdateExpression') return local(node.argument);
    return false;
  };
  let loud: any;
  const visit = (statement: any): void => {
    if (loud) return;
    switch (statement.type) {
      case 'ExpressionStatement':
        if (!quiet(statement.expression)) loud = statement;
        return;
      case 'ReturnStatement':
        if (statement.argument && !quiet(statement.argument) && !isEffectFree(statement.argument)) loud = statement;
        return;
      case 'BlockStatement':
        statement.body.forEach(visit);
        return;
      case 'IfStatement':
        if (!readsOnly(facts, statement.test)) loud = statement;
        else {
          visit(statement.consequent);
          if (statement.alternate) visit(statement.alternate);
        }
        return;
      case 'VariableDeclaration':
        if (!statement.declarations.every((declarator: any) => declarator.id.type === 'Identifier' && (!declarator.init || readsOnly(facts, declarator.init)))) loud = statement;
        return;
      case 'EmptyStatement':
        return;
      default:
        loud = statement;
    }
  };
  if (handler.body.type === 'BlockStatement') visit(handler.body);
  else if (!quiet(handler.body)) loud = handler.body;
  return loud;
}

// A value that runs no code but reads (isEffectFree), or string methods that only read:
// `data.toString().includes('Listening')`, `String(chunk).trim()`. Run before the removal, they
// would throw where the code throws today; skipped on later events, nothing sees them.
const READING_METHODS = new Set(['toString', 'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'split', 'at', 'charAt']);
function readsOnly(facts: Facts, node: any): boolean {
  return isEffectFreeBut(unwrap(node), (call, judge) => {
    const callee = unwrap(call.callee);
    if (callee?.type === 'Identifier' && callee.name === 'String' && facts.scopes.isGlobalReference(callee)) return call.arguments.every(judge);
    return (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && READING_METHODS.has(propertyName(callee) ?? '') && judge(callee.object) && call.arguments.every(judge);
  });
}

// The first statement between a listener added above the timer and the timer that may run code
// (an `emit`, a call): anything but other listeners added with values that run no code, and
// declarations of functions.
function emitsBeforeTimer(facts: Facts, site: ExecutorSite, listener: Listener): any | undefined {
  const statements: any[] = site.executor.body.type === 'BlockStatement' ? site.executor.body.body : [];
  const from = statements.indexOf(listener.statement);
  const to = statements.indexOf(site.timerStatement);
  if (from === -1 || to === -1 || from > to) return undefined;
  return statements.slice(from + 1, to).find((statement) => !isQuietRegistration(site, statement) && !declaresOnly(statement, 'values'));
}

// `emitter.once('ready', onReady);`: a registration of the site whose target, event and handler
// evaluate without running code
function isQuietRegistration(site: ExecutorSite, statement: any): boolean {
  return site.listeners.some((listener) => listener.statement === statement && isEffectFree(listener.target) && isEffectFree(listener.event) && (isFunction(unwrap(listener.handler)) || isEffectFree(listener.handler)));
}

// A statement that only declares, and so runs no code: functions (`function f() {}`, `const f = () =>
// …`), or with 'values' also names without an initialiser or with one that runs no code.
function declaresOnly(statement: any, what: 'functions' | 'values'): boolean {
  if (statement.type === 'FunctionDeclaration' || statement.type === 'EmptyStatement') return true;
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.every((declarator: any) => (declarator.init ? isFunction(unwrap(declarator.init)) || (what === 'values' && isEffectFree(declarator.init)) : what === 'values'));
}

// How to remove a listener added with `method`: `removeEventListener` for an EventTarget; for an
// emitter, the one spelling the file already removes this very target's listeners with (`off` where
// the code writes `emitter.off`), else `removeListener`, which every Node-style emitter has. A target
// typed by an interface or type of this file: one of the two it declares, or undefined when it has neither.
function removerFor(facts: Facts, listener: Listener): string | undefined {
  // `emitter.on?.(…)`: the code does not know the method is there, nor then its remover
  if (listener.call.optional) return undefined;
  const standard = LISTENER_METHODS[listener.method];
  if (standard !== 'removeListener') return standard;
  const declared = declaredMembers(facts, listener.target);
  if (declared) return declared.has('removeListener') ? 'removeListener' : declared.has('off') ? 'off' : undefined;
  // on this very target only: another object's `off` says nothing of this one's
  const removers = [...facts.tree.ofType('CallExpression'), ...facts.tree.ofType('OptionalCallExpression')].map((call) => unwrap(call.callee)).filter((callee) => ['off', 'removeListener'].includes(propertyName(callee) ?? '') && sameTarget(facts, callee.object, listener.target));
  const spellings = new Set(removers.map((callee) => propertyName(callee)));
  if (spellings.size === 1) return [...spellings][0];
  if (spellings.size > 1 || isNodeEmitter(facts, listener)) return 'removeListener';
  // `once` without more: Node's emitters, eventemitter3, tiny-emitter and component-emitter all have
  // `off` (tiny-emitter has no removeListener); emitters with `on` alone (mitt, kafkajs) may lack both
  return listener.method === 'once' ? 'off' : undefined;
}

// Methods of Node's EventEmitter that an emitter with only `on` (jQuery's, kafkajs's consumers,
// mitt) lacks, and the classes of Node that extend it.
const NODE_EMITTER_METHODS = new Set(['prependListener', 'prependOnceListener', 'listenerCount', 'setMaxListeners', 'removeAllListeners', 'eventNames', 'rawListeners']);
const NODE_EMITTER_TYPES = new Set(['EventEmitter', 'ChildProcess', 'Socket', 'Server', 'Readable', 'Writable', 'Duplex', 'Transform', 'Stream', 'IncomingMessage', 'ServerResponse', 'ClientRequest', 'Worker', 'Interface', 'WebSocket']);
const NODE_EMITTER_FACTORIES = new Set(['spawn', 'fork', 'exec', 'execFile', 'createServer', 'createConnection', 'connect', 'request', 'get', 'createReadStream', 'createWriteStream', 'createInterface']);

// `@param {EventEmitter} emitter` (or `{import('node:events').EventEmitter}`) in the JSDoc comment
// right above the function whose parameter this is: the type's last name
function jsdocParamType(facts: Facts, binding: any): string | undefined {
  const id = binding?.id;
  const fn = id ? facts.tree.parent(id) : undefined;
  if (!isFunction(fn) || !fn.params.includes(id)) return undefined;
  // the comment sits above the statement that holds the function (`export function`, `const f = …`)
  let holder = fn;
  for (const ancestor of facts.tree.ancestors(fn)) {
    if (ancestor.type === 'Program' || ancestor.type === 'BlockStatement' || ancestor.type === 'ClassBody') break;
    holder = ancestor;
  }
  const before = facts.source.text.slice(0, holder.start);
  const comment = /\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*$/.exec(before);
  if (!comment) return undefined;
  const param = new RegExp(`@param\\s*\\{([^}]*)\\}\\s*\\[?${id.name.replace(/\$/g, "\\$")}\\b`).exec(comment[1]);
  if (!param) return undefined;
  // `{import('socket.io-client').Socket}` is that package's class
  const from = /import\(\s*['"]([^'"]+)['"]\s*\)/.exec(param[1]);
  if (from && !NODE_TYPE_MODULES.test(from[1])) return undefined;
  const name = /([A-Za-z_$][\w$]*)\s*$/.exec(param[1].trim())?.[1];
  return name && (from || nodeTypeName(facts, name, fn)) ? name : undefined;
}

// `emitter.once('error', …)`: an emitter with no 'error' listener throws on an 'error' event, so the
// listener the code leaves attached swallows a late error that, removed, would end the process. An
// EventTarget's 'error' listener throws nothing when it is gone.
function isEmitterErrorListener(listener: Listener, facts?: Facts): boolean {
  // ws's WebSocket is an EventEmitter whose addEventListener is on(): its 'error' throws when unheard
  if (listener.method === 'addEventListener') return facts !== undefined && importsWs(facts) && constantString(facts, listener.event) === 'error';
  const event = facts ? constantString(facts, listener.event) : isStringLiteral(listener.event) ? listener.event.value : undefined;
  return event === undefined || event === 'error';
}

// `'ready'`, or `READY` with `const READY = 'ready'` never reassigned: the string; undefined for
// anything else (which may be 'error')
function constantString(facts: Facts, node: any): string | undefined {
  const expression = unwrap(node);
  if (isStringLiteral(expression)) return expression.value;
  if (expression?.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value?.cooked;
  if (expression?.type !== 'Identifier') return undefined;
  const binding = facts.scopes.bindingOf(expression);
  const declarator = binding?.id ? facts.tree.parent(binding.id) : undefined;
  if (binding?.kind !== 'const' || declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.id) return undefined;
  const init = unwrap(declarator.init);
  return isStringLiteral(init) ? init.value : undefined;
}

// `target` is an EventTarget: typed EventTarget or AbortSignal, or a const made by `new EventTarget()`
function isEventTarget(facts: Facts, target: any): boolean {
  const node = unwrap(target);
  if (node?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(node);
  const annotation = binding?.id?.typeAnnotation?.typeAnnotation;
  if (annotation?.type === 'TSTypeReference' && ['EventTarget', 'AbortSignal'].includes(annotation.typeName?.name)) return true;
  const declarator = binding?.id ? facts.tree.parent(binding.id) : undefined;
  const init = declarator?.type === 'VariableDeclarator' && binding?.kind === 'const' ? unwrap(declarator.init) : undefined;
  return init?.type === 'NewExpression' && unwrap(init.callee)?.type === 'Identifier' && unwrap(init.callee).name === 'EventTarget' && facts.scopes.isGlobalReference(unwrap(init.callee));
}

// the file imports `ws` (or isomorphic-ws), whose WebSocket is a Node EventEmitter
function importsWs(facts: Facts): boolean {
  const modules = new Set(['ws', 'isomorphic-ws']);
  return facts.tree.ofType('ImportDeclaration').some((declaration) => modules.has(String(declaration.source.value))) || facts.tree.ofType('CallExpression').some((call) => unwrap(call.callee)?.type === 'Identifier' && unwrap(call.callee).name === 'require' && modules.has(String(call.arguments[0]?.value)));
}

// `{ which, call }` for errorListenerKept: 'error' itself, or an event that may be it
function errorListenerData(facts: Facts, listener: Listener): Record<string, string> {
  const call = facts.code(listener.call, 40);
  return { which: constantString(facts, listener.event) === 'error' ? `the 'error' listener \`${call}\`` : `the listener \`${call}\`, whose event \`${facts.code(listener.event, 30)}\` may be 'error',` };
}

// an emitter 'error' listener the code never removes itself: where it does (`emitter.off('error',
// onError)` when 'ready' wins), it already runs without one, and the fix removes it on the other paths
function keptErrorListener(facts: Facts, site: ExecutorSite, listeners: readonly Listener[]): Listener | undefined {
  return listeners.find((listener) => isEmitterErrorListener(listener, facts) && !site.removals.some((call) => removalOf(facts, call, listener)));
}

// `on()` alone does not say that the target has `removeListener`: something in the file must. The
// listener is added by another EventEmitter method (`once`), or the file calls one on this target
// (`emitter.emit(…)`), or the target is `process`, a child's `stdout`/`stderr`/`stdin`, a name
// typed by a Node class (`child: ChildProcess`), or a const made by `new EventEmitter()` (or
// another class of those) or by a factory of Node's (`spawn(…)`, `http.createServer(…)`).
function isNodeEmitter(facts: Facts, listener: Listener): boolean {
  // `once` says nothing either: tiny-emitter has on, once, emit and off, and no removeListener
  if (listener.method !== 'on' && listener.method !== 'addListener' && listener.method !== 'once') return true;
  const target = unwrap(listener.target);
  const calls = [...facts.tree.ofType('CallExpression'), ...facts.tree.ofType('OptionalCallExpression')];
  if (calls.some((call) => NODE_EMITTER_METHODS.has(propertyName(unwrap(call.callee)) ?? '') && sameTarget(facts, unwrap(call.callee).object, target))) return true;
  if (['stdout', 'stderr', 'stdin'].includes(propertyName(target) ?? '')) return true;
  if (target?.type !== 'Identifier') return false;
  if (target.name === 'process' && facts.resolver.isFreeAt(target, 'process')) return true;
  const binding = facts.scopes.bindingOf(target);
  const annotation = binding?.id?.typeAnnotation?.typeAnnotation;
  const referenced = (type: any) => (type?.type === 'TSTypeReference' ? (type.typeName?.type === 'TSQualifiedName' ? type.typeName.right?.name : type.typeName?.name) : undefined);
  const typeName = annotation ? referenced(annotation) : jsdocParamType(facts, binding);
  if (typeName && NODE_EMITTER_TYPES.has(typeName) && (!annotation || nodeType(facts, annotation))) return true;
  // `<Emitter extends EventEmitter>(target: Emitter)`: a type parameter of the function, by its constraint
  const owner = binding?.id ? facts.tree.parent(binding.id) : undefined;
  const parameter = isFunction(owner) ? owner.typeParameters?.params?.find((each: any) => (each.name?.name ?? each.name) === typeName) : undefined;
  if (parameter && NODE_EMITTER_TYPES.has(referenced(parameter.constraint) ?? '') && nodeType(facts, parameter.constraint)) return true;
  const declarator = binding?.id ? facts.tree.parent(binding.id) : undefined;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== binding!.id || hasWrites(binding!)) return false;
  const init = unwrap(declarator.init?.type === 'AwaitExpression' ? declarator.init.argument : declarator.init);
  if (init?.type === 'NewExpression') {
    const callee = unwrap(init.callee);
    return NODE_EMITTER_TYPES.has(callee?.type === 'Identifier' ? callee.name : (propertyName(callee) ?? ''));
  }
  if (init?.type === 'CallExpression') {
    const callee = unwrap(init.callee);
    return NODE_EMITTER_FACTORIES.has(callee?.type === 'Identifier' ? callee.name : (propertyName(callee) ?? ''));
  }
  return false;
}

// `child: ChildProcess` names Node's class: imported from a module of Node's (or 'ws', whose
// WebSocket is an EventEmitter), or not declared in the file at all (an ambient type). A `Socket`
// imported from socket.io-client, or a class of the file, is another class.
const NODE_TYPE_MODULES = /^(?:node:)?(?:events|child_process|net|tls|http|https|http2|stream|readline|worker_threads|dgram|cluster|fs)(?:\/promises)?$|^ws$/;
function nodeType(facts: Facts, annotation: any): boolean {
  const name = annotation.typeName?.type === 'TSQualifiedName' ? annotation.typeName.left : annotation.typeName;
  const root = name?.type === 'TSQualifiedName' ? undefined : name;
  if (root?.type !== 'Identifier') return annotation.typeName?.left?.name === 'NodeJS';
  return nodeTypeName(facts, root.name, annotation);
}

// A type name written at `at` that may be Node's: imported from a module of Node's, or neither
// imported nor declared in the file
function nodeTypeName(facts: Facts, name: string, at: any): boolean {
  // `import type { Socket } from '…'` declares no value: the import itself says where it comes from
  const imported = facts.tree.ofType('ImportDeclaration').find((declaration) => (declaration.specifiers ?? []).some((specifier: any) => specifier.local?.name === name));
  if (imported) return NODE_TYPE_MODULES.test(String(imported.source.value));
  const binding = facts.scopes.lookupFrom(facts.resolver.scopeAt(at), name);
  if (!binding) return !facts.tree.ofType('TSInterfaceDeclaration').some((declaration) => declaration.id?.name === name) && !facts.tree.ofType('TSTypeAliasDeclaration').some((declaration) => declaration.id?.name === name);
  return binding.kind === 'import' && NODE_TYPE_MODULES.test(binding.imported?.source ?? '');
}

// Two expressions for one emitter: written alike, and a name that is the same binding in both
// (`bus` of another function is another bus)
function sameTarget(facts: Facts, a: any, b: any): boolean {
  if (!facts.sameText(a, b)) return false;
  const root = (node: any): any => {
    let current = unwrap(node);
    while (current?.type === 'MemberExpression' || current?.type === 'OptionalMemberExpression') current = unwrap(current.object);
    return current;
  };
  const [x, y] = [root(a), root(b)];
  // `this` of the nearest function that is not an arrow
  const thisOf = (node: any) => {
    let fn = facts.tree.functionOf(node);
    while (fn?.type === 'ArrowFunctionExpression') fn = facts.tree.functionOf(fn);
    return fn;
  };
  if (x?.type === 'ThisExpression') return thisOf(x) === thisOf(y);
  return x?.type !== 'Identifier' || facts.scopes.bindingOf(x) === facts.scopes.bindingOf(y);
}

// The member names of the target's declared type, when that is an interface or a type literal of
// this file (`bus: Bus` with `interface Bus { on(…): void; off(…): void }`); undefined otherwise.
function declaredMembers(facts: Facts, target: any): Set<string> | undefined {
  const node = unwrap(target);
  if (!facts.typescript || node?.type !== 'Identifier') return undefined;
  const id = facts.scopes.bindingOf(node)?.id;
  const annotation = id?.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName?.type !== 'Identifier' || annotation.typeParameters || annotation.typeArguments) return undefined;
  const name = annotation.typeName.name;
  const declarations = [...facts.tree.ofType('TSInterfaceDeclaration'), ...facts.tree.ofType('TSTypeAliasDeclaration')].filter((declaration) => declaration.id?.name === name);
  if (declarations.length !== 1) return undefined;
  const declaration = declarations[0];
  if (declaration.type === 'TSInterfaceDeclaration' && declaration.extends?.length) return undefined;
  const members = declaration.type === 'TSInterfaceDeclaration' ? declaration.body.body : declaration.typeAnnotation?.type === 'TSTypeLiteral' ? declaration.typeAnnotation.members : undefined;
  if (!members) return undefined;
  // an optional method (`off?(…)`) may be missing: it does not count
  return new Set(members.filter((member: any) => !member.optional).map((member: any) => member.key?.name ?? member.key?.value).filter((key: unknown) => typeof key === 'string'));
}

// `// @ts-expect-error` or `// @ts-ignore` in the comments right above a statement: the directive
const DIRECTIVE = /@ts-(?:expect-error|ignore)\b/;
function directiveAbove(facts: Facts, statement: any): string | undefined {
  let line = facts.source.positionAt(statement.start).line;
  const comments: any[] = facts.file.comments ?? [];
  for (let index = comments.length - 1; index >= 0; index -= 1) {
    const comment = comments[index];
    if (comment.end > statement.start) continue;
    const endLine = facts.source.positionAt(comment.end).line;
    if (endLine < line - 1) break;
    const match = DIRECTIVE.exec(comment.value);
    if (match) return match[0];
    // a directive applies across the comment lines below it: keep looking above this one
    line = facts.source.positionAt(comment.start).line;
  }
  return undefined;
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

// A listener that cannot run a second time once it has run: `once`, `{ once: true }`, or 'abort' on
// a name typed AbortSignal, which aborts once and never dispatches again (the aborted signal keeps
// the function, but never calls it)
function firesOnce(facts: Facts, listener: Listener): boolean {
  if (ONCE_METHODS.has(listener.method) || onceOption(listener)) return true;
  if (listener.method !== 'addEventListener' || !isStringLiteral(listener.event) || listener.event.value !== 'abort') return false;
  const target = unwrap(listener.target);
  const annotation = target?.type === 'Identifier' ? facts.scopes.bindingOf(target)?.id?.typeAnnotation?.typeAnnotation : undefined;
  const types = annotation?.type === 'TSUnionType' ? annotation.types : [annotation];
  return types.some((type: any) => type?.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' && type.typeName.name === 'AbortSignal');
}

function onceOption(listener: Listener): boolean {
  // Node's `emitter.on(event, fn, { once: true })` ignores a third argument: only an EventTarget reads it
  if (listener.method !== 'addEventListener') return false;
  const options = unwrap(listener.options);
  return options?.type === 'ObjectExpression' && options.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'once' && property.value?.value === true);
}

// A variable never reassigned where it is visible: the removal reaches the object the listener was added to.
function isStable(facts: Facts, node: any): boolean {
  const expression = unwrap(node);
  if (expression?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(expression);
  return binding !== undefined && !hasWrites(binding);
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
  // `resolve(JSON.parse(text))`: an argument that runs code may throw after cleanup() has cleared
  // the timer, and the promise would then never settle
  // nor may a member read (`resolve(msg.value)` throws when the event has no payload), nor a `new`
  return binding !== undefined && (binding === site.resolve || binding === site.reject) && call.arguments.every(isPlainValue);
}

// a literal, a name, or a template or `new Error(…)`-free combination of those: a value that cannot throw
function isPlainValue(node: any): boolean {
  const expression = unwrap(node);
  if (expression?.type === 'Identifier' || isStringLiteral(expression) || ['NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'Literal'].includes(expression?.type)) return true;
  if (expression?.type === 'TemplateLiteral') return expression.expressions.every(isPlainValue);
  // `new Error('closed')`: building an error of the language throws nothing
  if (expression?.type === 'NewExpression' && unwrap(expression.callee)?.type === 'Identifier' && ['Error', 'TypeError', 'RangeError'].includes(unwrap(expression.callee).name)) return expression.arguments.every(isPlainValue);
  return false;
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
 * Handler properties (`socket.onopen = () => resolve()`) the timer leaves set
 * ---------------------------------------------------------------------------------------------- */

// `target.onX = null` (or undefined) in the timer's own callback, for this property of this target
function nulledByTimer(facts: Facts, timer: NonNullable<ExecutorSite['timer']>, property: ExecutorSite['propertyListeners'][number]): boolean {
  return isFunction(timer.callback) && facts.tree.within(timer.callback, 'AssignmentExpression').some((assignment) => isNullingOf(facts, assignment, property));
}

function isNullingOf(facts: Facts, assignment: any, property: ExecutorSite['propertyListeners'][number]): boolean {
  const left = unwrap(assignment.left);
  return assignment.operator === '=' && propertyName(left) === property.property && facts.textOf(unwrap(left.object)) === facts.textOf(unwrap(property.target)) && isNullish(unwrap(assignment.right));
}

// Classes of the platform (lib.dom) whose `on…` handler properties are typed `… | null`: a
// TypeScript `target.onX = null` type-checks on them.
const NULLABLE_HANDLER_CLASSES = new Set(['WebSocket', 'EventSource', 'XMLHttpRequest', 'FileReader', 'Worker', 'BroadcastChannel', 'Image']);

// The timer sets each handler property it leaves back to null, after it has settled the promise, and
// the timer is cleared when the promise settles (`.finally()` on it), unless every settle already
// clears it. A late event then finds no handler; it would only have settled a settled promise. The
// preconditions, each named in the report when it fails (the first that fails):
// - the executor adds no listener by a call (`on`, `addEventListener`) beside its handler properties;
// - one timer, its callback a function that only settles the promise (and sets handler properties of
//   the site to null), armed by a statement of its own at the top of the executor;
// - every settle clears the timer on its way, or `.finally()` can: a bare `setTimeout(…);` statement
//   (its handle is then kept in a `let` declared before the promise's statement), `clearTimeout`
//   reachable, and in TypeScript a `new Promise` whose type does not come from its context (the
//   `.finally()` would hide it);
// - each target is a const of the promise's function (or of the executor, above the timer) made by
//   `new …(…)` and initialised before the timer is armed (no temporal dead zone in the callback), the
//   same variable in the timer's callback; it is not handed to other code while the timer may fire
//   (its uses: member reads and calls, `resolve(target)`, and anything after a statement that awaits
//   or returns the promise, outside a loop), and nothing else sets the property but the executor's
//   handler and `= null`;
// - in TypeScript, the property takes null: the target is a platform class of lib.dom, or a class of
//   this file that declares `onX: … | null`;
// - each handler property is set by a statement of its own at the top of the executor, to `resolve`,
//   `reject` or a function whose late run does nothing: it settles, clears this timer, sets handler
//   properties of the site to null, under `if` tests that only read values.
function propertyNulls(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, left: ExecutorSite['propertyListeners'], options: RuleContext['options']): Result {
  const { tree } = facts;
  const nameOf = (property: ExecutorSite['propertyListeners'][number]) => facts.code(unwrap(property.assignment.left), 50);
  const refuse = (reason: string, property = left[0]): Result => ({ status: 'refused', messageId: 'propertyListenerLeft', at: property.assignment, data: { name: nameOf(property), reason } });
  const isSite = (assignment: any) => site.propertyListeners.some((property) => isNullingOf(facts, assignment, property));

  if (site.listeners.length > 0) return refuse(`the executor also adds listeners by a call (\`${facts.code(site.listeners[0].call.callee, 40)}\`), which are not fixed together with handler properties`);
  const callback = timer.callback;
  if (!isFunction(callback)) {
    const settleName = unwrap(callback)?.type === 'Identifier' && isSettleName(facts, site, unwrap(callback));
    return refuse(settleName ? `the timer calls \`${facts.code(callback, 20)}\` itself, with no callback to set the handler to null in` : "the timer's callback is not a function written here, to set the handler to null in");
  }
  const effects = callbackEffects(callback);
  const settles = effects?.filter((effect) => effect.kind === 'call' && isSettleName(facts, site, unwrap(effect.call.callee)) && effect.call.arguments.every(isEffectFree)) ?? [];
  const nullings = effects?.filter((effect) => effect.kind === 'assign' && isSite(effect.assignment)) ?? [];
  if (!effects || settles.length !== 1 || settles.length + nullings.length !== effects.length) {
    return refuse("the timer's callback does more than settle the promise, and what else it does may read or set a handler");
  }
  if (site.timers.length !== 1 || !site.timerStatement) return refuse('the timer is not armed by one statement of its own at the top of the executor');
  if (returnsInCallback(facts.tree, callback)) return refuse("the timer's callback has a `return`, after which a `= null` appended to it would never run");
  // `{ socket.onopen = () => resolve(); setTimeout(…) }` on one line: its callback would become a block
  // of lines inside a line of other code
  if (!facts.source.startsLine(site.timerStatement.start)) return refuse("the timer's statement shares its line with other code, where the lines its callback would take cannot be laid out");

  // the timer: cleared already on every settle, or by `.finally()` on the promise
  const eventsClear = site.settlePoints.length > 0 && site.settlePoints.every((point) => point.cleared) && site.syncThrows.length === 0;
  const timerCleared = eventsClear || (site.outerClear.has('fulfilled') && site.outerClear.has('rejected'));
  let clear: PropertyClear | undefined;
  if (!timerCleared) {
    const capture = timer.capture;
    // `if (socket.readyState === 1) resolve(socket);` above the timer: the executor goes on to arm it
    const early = site.settlePoints.find((point) => !point.cleared && !point.byReference && tree.functionOf(point.node) === site.executor && point.node.end <= site.timerStatement.start);
    if (early && (capture.kind === 'declared' || capture.kind === 'assigned')) return refuse(`\`${facts.code(early.node, 40)}\` settles the promise before the timer is armed, and the executor goes on to arm it; its handle \`${capture.binding.name}\` is kept where a \`.finally()\` on the promise cannot clear it`);
    if (capture.kind === 'declared' || capture.kind === 'assigned') return refuse(`no event clears the timer, and its handle \`${capture.binding.name}\` is kept where a \`.finally()\` on the promise cannot clear it`);
    if (capture.kind === 'stored') return refuse(`no event clears the timer, and its handle is kept in \`${capture.description}\`, where a \`.finally()\` on the promise cannot clear it`);
    if (tree.parent(timer.expression) !== site.timerStatement) return refuse('no event clears the timer, and its statement is not a bare `setTimeout(…);` whose handle a `.finally()` on the promise could keep');
    const spelling = clearSpelling(facts, timer, site.node);
    if (!spelling.ok) return refuse(`no event clears the timer, and \`${spelling.name}\` here is not the global`);
    if (!promiseTypeStays(facts, site.node)) return refuse('no event clears the timer, and the `new Promise` takes its type from its context, which a `.finally()` on it would hide (write `new Promise<T>`)');
    const placement = placementFor(facts, site.node);
    if (typeof placement === 'string') return refuse("no event clears the timer, and the promise is not in a statement before which the timer's handle can be declared");
    clear = { placement, spelling: spelling.spelling, typeQuery: timerTypeQuery(facts, timer) };
  }

  const nulls: PropertyNull[] = [];
  for (const property of left) {
    const name = nameOf(property);
    const targetReason = ownedTarget(facts, site, timer, property);
    if (targetReason) return refuse(targetReason, property);
    const typeReason = facts.typescript ? takesNull(facts, property, options) : platformTarget(facts, property);
    if (typeReason) return refuse(typeReason, property);
    const statement = tree.parent(property.assignment);
    // `socket.onopen = socket.onerror = () => resolve()`: one handler for two properties
    if (unwrap(property.assignment.right)?.type === 'AssignmentExpression' || tree.parent(property.assignment)?.type === 'AssignmentExpression') {
      return refuse(`\`${name}\` is set in a chain of assignments (\`${facts.code(statement ?? property.assignment, 40)}\`), which this does not take apart`, property);
    }
    if (statement?.type !== 'ExpressionStatement' || tree.parent(statement) !== site.executor.body) {
      return refuse(`\`${name}\` is set inside a branch or a nested function of the executor, so when the timer fires it may hold another handler than this one`, property);
    }
    if (!lateRunDoesNothing(facts, site, timer, property.assignment.right)) {
      return refuse(`its handler does more than settle the promise, clear this timer and set handlers to null, and setting it to null would skip what a late event does`, property);
    }
    const target = facts.textOf(unwrap(property.target));
    if (!nulls.some((each) => each.target === target && each.property === property.property)) nulls.push({ target, property: property.property });
  }
  const handlers = nulls.map((each) => `\`${each.target}.${each.property}\``);
  const data = { handlers: handlers.length === 1 ? `the handler set on ${handlers[0]}` : `the handlers set on ${handlers.slice(0, -1).join(', ')} and ${handlers.at(-1)}` };
  return { status: 'fixable', plan: { kind: 'property-nulls', site, nulls, clear }, messageId: clear ? 'fixedPropertyNullsAndClear' : 'fixedPropertyNulls', data };
}

// `new Promise<T>(…)`, or one nothing gives a type (a statement, `await` in a statement or in an
// unannotated const): a `.finally()` on it keeps its type. TypeScript only.
function promiseTypeStays(facts: Facts, newPromise: any): boolean {
  if (!facts.typescript || newPromise.typeArguments || newPromise.typeParameters) return true;
  const { tree } = facts;
  const parent = tree.parent(newPromise);
  const unannotated = (node: any) => node?.type === 'VariableDeclarator' && !node.id.typeAnnotation;
  if (parent?.type === 'ExpressionStatement' || (unannotated(parent) && parent.init === newPromise)) return true;
  if (parent?.type === 'AwaitExpression') {
    const holder = tree.parent(parent);
    return holder?.type === 'ExpressionStatement' || (unannotated(holder) && holder.init === parent);
  }
  return false;
}

// Why the timer cannot be sure the property still holds this executor's handler when it fires, or
// reach it there; undefined when it can.
function ownedTarget(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, property: ExecutorSite['propertyListeners'][number]): string | undefined {
  const { tree, scopes, resolver } = facts;
  const target = unwrap(property.target);
  const text = facts.code(target, 40);
  const name = facts.code(unwrap(property.assignment.left), 50);
  const notOwned = `\`${text}\` does not hold an object only this code holds (a const of this function made by \`new …(…)\`), so when the timer fires \`${name}\` may hold a handler other code set there, which setting it to null would take off`;
  const binding = target?.type === 'Identifier' ? scopes.bindingOf(target) : undefined;
  const declarator = binding?.declaration;
  if (!binding || binding.kind !== 'const' || declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.id || declarator.init?.type !== 'NewExpression') return notOwned;
  const declaration = tree.parent(declarator);
  const place = tree.listOf(declaration);
  const declaredIn = tree.functionOf(declaration);
  if (!place || (declaredIn !== site.executor && declaredIn !== tree.functionOf(site.node))) return notOwned;
  if (scopes.lookupFrom(resolver.scopeAt(timer.callback.body), binding.name) !== binding) return `\`${text}\` is declared in a block of the executor, out of the timer's callback's reach`;
  // initialised before the timer is armed: the timer's callback never meets it in its temporal dead zone
  const executorBody: any[] = site.executor.body.body;
  const initialisedFirst = place.holder === site.executor.body ? executorBody.indexOf(declaration) < executorBody.indexOf(site.timerStatement) : declaration.end <= site.node.start && place.holder.type !== 'SwitchCase';
  if (!initialisedFirst) return `\`${text}\` is declared after the timer is armed: if the executor throws before it is initialised, the timer's callback would meet it uninitialised (a ReferenceError)`;

  // its uses: none hands it to other code while the timer may still fire
  const holder = tree.statementOf(site.node);
  const settledBy = holder !== undefined && awaitsOrReturns(holder, site.node) && !facts.tree.loopBetween(holder, place.holder) ? holder.end : Infinity;
  for (const reference of binding.references) {
    const node = reference.node;
    if (node === binding.id) continue;
    // past the awaiting statement in the same function only: a function declared there (hoisted) may
    // run while the timer is armed
    if (node.start >= settledBy && tree.functionOf(node) === tree.functionOf(holder)) continue;
    const parent = tree.parent(node);
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === node) {
      const member = propertyName(parent);
      if (member === undefined) return `\`${text}\` is used as \`${facts.code(parent, 40)}\`, which may set a handler this cannot see`;
      const assignment = tree.parent(parent);
      const sets = assignment?.type === 'AssignmentExpression' && assignment.left === parent;
      if (sets && member === property.property && assignment !== property.assignment && !isNullish(unwrap(assignment.right))) {
        if (facts.tree.isInside(assignment, site.executor)) return `\`${name}\` is set more than once in the executor (\`${facts.code(assignment, 40)}\`), and which handler the timer would find there is not followed`;
        return `\`${name}\` is also set by \`${facts.code(assignment, 40)}\`, a handler that setting it to null would take off`;
      }
      continue;
    }
    if ((parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && parent.arguments.includes(node) && isSettleName(facts, site, unwrap(parent.callee)) && tree.isInside(parent, site.executor)) continue;
    return `\`${text}\` is handed to other code (\`${facts.code(parent ?? node, 40)}\`) while the timer may still fire, which may set its own handler there`;
  }
  return undefined;
}

// `await new Promise(…);`, `const x = await new Promise(…);`, `return new Promise(…)`: the code
// after the statement runs once the promise has settled.
function awaitsOrReturns(statement: any, newPromise: any): boolean {
  const awaited = (node: any) => unwrap(node) === newPromise || (unwrap(node)?.type === 'AwaitExpression' && unwrap(unwrap(node).argument) === newPromise);
  if (statement.type === 'ReturnStatement') return awaited(statement.argument);
  if (statement.type === 'ExpressionStatement') return unwrap(statement.expression)?.type === 'AwaitExpression' && awaited(statement.expression);
  if (statement.type === 'VariableDeclaration') return statement.declarations.length === 1 && unwrap(statement.declarations[0].init)?.type === 'AwaitExpression' && awaited(statement.declarations[0].init);
  return false;
}


// TypeScript: `target.onX = null` type-checks when the target is a platform class of lib.dom, or a
// class of this file that declares `onX: … | null`. Undefined when it does; why not otherwise.
function takesNull(facts: Facts, property: ExecutorSite['propertyListeners'][number], options: RuleContext['options']): string | undefined {
  const { scopes, resolver } = facts;
  const binding = scopes.bindingOf(unwrap(property.target))!;
  const declarator = binding.declaration;
  const callee = unwrap(declarator.init.callee);
  const className = callee?.type === 'Identifier' ? callee.name : facts.code(callee, 30);
  const reason = `in TypeScript, \`${property.property}\` of \`${className}\` is not known to take null (a class of lib.dom, or one of this file that declares \`${property.property}: … | null\`)`;
  if (callee?.type !== 'Identifier') return reason;
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  if (annotation && !(annotation.type === 'TSTypeReference' && annotation.typeName?.type === 'Identifier' && annotation.typeName.name === callee.name && !annotation.typeParameters && !annotation.typeArguments)) return reason;
  if (NULLABLE_HANDLER_CLASSES.has(callee.name) && resolver.isFreeAt(callee, callee.name)) {
    const base = options[MODULE_BASE];
    const dom = readProject(typeof base === 'string' ? resolvePath(base, facts.path) : facts.path).domLib;
    if (dom === 'yes') return undefined;
    return `in TypeScript, \`${property.property}\` of \`${className}\` takes null by lib.dom's declaration only, and the tsconfig.json around the file is not shown to have \`dom\` in its \`lib\` (a \`lib\` without it, or no tsconfig.json or \`extends\` found for the file on disk)`;
  }
  const classBinding = scopes.bindingOf(callee);
  const declaration = classBinding?.kind === 'class' ? classBinding.declaration : undefined;
  if (declaration?.type !== 'ClassDeclaration' || declaration.superClass) return reason;
  const member = declaration.body.body.find((each: any) => (each.type === 'ClassProperty' || each.type === 'PropertyDefinition') && !each.static && !each.computed && each.key?.type === 'Identifier' && each.key.name === property.property);
  const type = member?.typeAnnotation?.typeAnnotation;
  const nullable = type?.type === 'TSUnionType' && type.types.some((each: any) => each.type === 'TSNullKeyword');
  const accessor = declaration.body.body.some((each: any) => (each.kind === 'get' || each.kind === 'set') && each.key?.name === property.property);
  return nullable && !member.optional && !accessor ? undefined : reason;
}

// JavaScript: the target is made by a platform class whose `onX` handlers take null and are only
// called when set (`new WebSocket(url)`, the global). A class of this file or of a module may call
// `this.onopen()` unguarded, or have an `onopen` setter that rejects null. Undefined when it is one.
function platformTarget(facts: Facts, property: ExecutorSite['propertyListeners'][number]): string | undefined {
  const binding = facts.scopes.bindingOf(unwrap(property.target))!;
  const callee = unwrap(binding.declaration.init.callee);
  if (callee?.type === 'Identifier' && NULLABLE_HANDLER_CLASSES.has(callee.name) && facts.resolver.isFreeAt(callee, callee.name)) return undefined;
  const className = callee?.type === 'Identifier' ? callee.name : facts.code(callee, 30);
  return `\`${className}\` is not a platform class known to take null in \`${property.property}\` (${[...NULLABLE_HANDLER_CLASSES].join(', ')}): its own code may call \`this.${property.property}(…)\` without a check, or refuse null in a setter`;
}

// What a late run of the handler would do, once the timer has settled the promise: nothing. It is
// `resolve`/`reject`, or a function of plain parameters that settles (arguments that run no code),
// clears this timer, sets handler properties of the site to null, and returns, under `if` tests that
// only read values.
function lateRunDoesNothing(facts: Facts, site: ExecutorSite, timer: NonNullable<ExecutorSite['timer']>, handler: any): boolean {
  const fn = unwrap(handler);
  if (fn?.type === 'Identifier') return isSettleName(facts, site, fn);
  // a parameter default or pattern runs code on every call
  if (!isFunction(fn) || fn.async || fn.generator || !fn.params.every((param: any) => param.type === 'Identifier')) return false;
  const handle = timer.capture.kind === 'declared' || timer.capture.kind === 'assigned' ? timer.capture.binding : undefined;
  const quiet = (expression: any): boolean => {
    const node = unwrap(expression);
    if (node?.type === 'CallExpression') {
      if (isSettleName(facts, site, unwrap(node.callee))) return node.arguments.every(isEffectFree);
      const cleared = clearedBy(facts.resolver, node);
      return handle !== undefined && cleared?.type === 'Identifier' && facts.scopes.bindingOf(cleared) === handle;
    }
    return node?.type === 'AssignmentExpression' && site.propertyListeners.some((property) => isNullingOf(facts, node, property));
  };
  const quietStatement = (statement: any): boolean => {
    switch (statement.type) {
      case 'ExpressionStatement':
        return quiet(statement.expression);
      case 'ReturnStatement':
        return !statement.argument || quiet(statement.argument);
      case 'BlockStatement':
        return statement.body.every(quietStatement);
      case 'IfStatement':
        return isEffectFree(statement.test) && quietStatement(statement.consequent) && (!statement.alternate || quietStatement(statement.alternate));
      case 'EmptyStatement':
        return true;
      default:
        return false;
    }
  };
  return fn.body.type === 'BlockStatement' ? quietStatement(fn.body) : quiet(fn.body);
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
    // on an EventEmitter, once() adds an 'error' listener too, which the abort would remove: left
    // attached, it swallows a late error that, removed, would end the process (only an EventTarget
    // gets no such listener). The timer part is still fixed; the listener is left, and said so.
    if (!isEventTarget(facts, call.arguments[0])) {
      remarks.push({ status: 'refused', messageId: 'errorListenerKept', at: call, data: { which: `the 'error' listener that \`${facts.code(call, 40)}\` adds beside its own` } });
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
