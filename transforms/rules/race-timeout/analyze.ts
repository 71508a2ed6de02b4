// race-timeout: a `Promise.race` against a timer. Safe when the timer is released on every path the
// work can take (fulfil, reject); fixable when a handle can be kept and cleared in `.finally()` on
// the race under the preconditions below; refused, with the precondition that failed, otherwise.
import { propertyName, requiredImport, unwrapPattern } from '../../analysis/resolve';
import type { Binding } from '../../analysis/scope';
import { isFunction, isLoop, outermost, unwrap, walkNodes } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import { type OpaqueHelper, type TimerArm, cancelCallsOf, returnedExpression } from '../../model/arms';
import { isPromiseExecutor } from '../../model/callback';
import type { Facts } from '../../model/facts';
import { type Placement, placementFor } from '../../model/placement';
import { isEffectFree, isFreeSettleValue } from '../../model/effects';
import { type InlinePlan, planInline } from '../../model/inline';
import { UPGRADE_AT, UPGRADE_EXPORTED, UPGRADE_FILE, isExported, planUpgrade, refusalsOf } from '../../model/upgrade';
import { normalize } from 'node:path';
import { coverageOf, inLoopOutside, isGuardedClear, mayLeaveEarly, runsOnEveryPathOf } from '../../model/paths';
import { type RaceArm, type RaceSite } from '../../model/race';
import { clearSpelling, timerTypeQuery } from '../../model/spelling';
import { callbackEffects, returnsInCallback } from '../../model/timer';
import { settleAfterReports } from '../../model/reports';
import type { MessageId } from './messages';

export type TimerPlan =
  | {
      kind: 'executor';
      arm: Extract<TimerArm, { kind: 'executor' }>;
      /** the handle the code keeps already, reused as is */
      existing?: string;
      clear: string;
      typeQuery: string;
      /** `clearTimeout(h);` statements that run on fulfilment only: the `.finally` takes their place */
      redundantClears: any[];
    }
  | { kind: 'sleep'; call: any }
  /** `sleep(ms)` of a helper that takes a signal: it gets one, aborted when the race settles */
  | { kind: 'helper-signal'; call: any; index: number; pass: 'signal' | 'controller' }
  /** `sleep(ms, signal)` with a signal not the race's own: a signal of its own that follows it takes its place */
  | ({ kind: 'helper-linked'; call: any } & LinkedSignal)
  | { kind: 'inline-helper'; call: any; helper: Extract<TimerArm, { kind: 'helper' }>; inline: InlinePlan; clear: string; typeQuery: string }
  /** `watcher.disarm();` right after the awaited race, run on fulfilment only: moved to run when the race settles */
  | { kind: 'owned-cancel'; statements: any[]; calls: any[] };

/** the signal a helper is passed, and how to read it again: `?.` where it may be undefined; read
 * once into a const first unless it is a binding never written */
export interface LinkedSignal {
  signal: any;
  optional: boolean;
  capture: boolean;
  /** followed from the helper's call on, by `followSignal(signal)` in the signal's place: code runs
   * before the call, or the race may not run when its statement does */
  lazy: boolean;
  /** why the lazy form cannot be written, if it cannot */
  lazyRefusal?: string;
}

export interface RacePlan {
  site: RaceSite;
  placement: Placement;
  timer: TimerPlan;
  /** the statement may throw after the timer's call, before the race exists: a try/finally would
   * abort a helper's signal with no race to take its rejection, so `.finally()` on the race instead */
  noTryFinally?: boolean;
  /** global fetch calls of work arms, to give a signal aborted when the timer fires */
  fetches: any[];
}

type Result = Verdict<RacePlan>;

const refuse = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'refused', messageId, at, data });
const unknown = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'unknown', messageId, at, data });

export function analyzeRace(site: RaceSite, { facts, options }: RuleContext): Result | undefined {
  const race = site.node;
  if (site.workArms.length === 0) return undefined;
  if (site.timerArms.length > 1) return refuse('manyTimerArms', race);
  const timerArm = site.timerArms[0];
  const arm = timerArm.arm;

  if (arm.role === 'signal-timeout') return refuse('abortSignalTimeout', race);
  // a timer arm this rule cannot take apart may still release its timers on every path
  if (arm.role === 'opaque-timer' && site.armTimers.length > 0 && site.armTimers.every((armTimer) => releasedOnEveryPath(site, armTimer.clears))) {
    return { status: 'safe', messageId: 'alreadyCleared', at: race, data: { name: handleNameOf(site.armTimers[0].timer) } };
  }
  // a timer the code clears somewhere this cannot place (a disposer, another function): not judged
  const unplaced = site.armTimers.find((armTimer) => armTimer.clears.length > 0 && armTimer.clears.every((clear) => clear.race.size === 0 && clear.work.size === 0 && !clear.beforeSettling));
  if (arm.role === 'opaque-timer' && unplaced) return unknown('clearedUnseen', race, { name: handleNameOf(unplaced.timer) });
  if (arm.role === 'opaque-timer') return softened(opaque(facts, site, timerArm, arm.reason, arm.detail, arm.helper, options), cancelledOnFulfilment(facts, site, timerArm));
  if (arm.role !== 'timer') return undefined;

  const timer = arm.timer;
  const executor = timer.kind === 'executor' ? timer : undefined;
  let linked: LinkedSignal | undefined;

  // Released on every path already? Checked first: whatever else the code does, it needs no fix.
  if (executor) {
    const released = releasedOnEveryPath(site, clearsOfTheTimer(facts, site, executor));
    if (released) {
      const fetchLeft = unabortedFetch(facts, site);
      if (!fetchLeft) return { status: 'safe', messageId: 'alreadyCleared', at: race, data: { name: handleName(executor) } };
      return refuse('fetchNotAborted', fetchLeft.node, { reason: fetchLeft.reason });
    }
  } else if (timer.kind === 'helper' && timer.signalPassed) {
    // `delay(ms, c.signal)`: released when the race aborts `c` on every path
    if (abortedOnSettle(facts, race, followedSignal(facts, timer.signalPassed), timer.abortable!.kind)) return { status: 'safe', messageId: 'alreadyCleared', at: race, data: { name: facts.code(timer.call, 60) } };
    const link = timer.abortable!.kind === 'signal' ? linkableSignal(facts, race, timer.call, timer.signalPassed, false, { fn: timer.fn, home: timer.home ?? facts, index: timer.abortable!.index }) : 'it takes an AbortController, which the race cannot follow with one of its own';
    if (typeof link === 'string') return refuse('helperSignalPassed', race, { name: timer.name, signal: facts.code(timer.signalPassed, 40), reason: link });
    linked = link;
  } else if (timer.kind === 'sleep') {
    const signal = sleepSignal(timer.call);
    if (signal === 'other') return refuse('sleepHasOptions', race, { name: facts.code(timer.call.arguments.find((argument: any) => argument.type === 'SpreadElement') ?? timer.call.arguments[2], 60) });
    if (signal !== 'none') {
      // `{ signal: c.signal }` of this race's own controller, aborted when it settles: released.
      // Another signal (the app's, a caller's) holds the timer until it aborts, if ever.
      if (abortedOnSettle(facts, race, followedSignal(facts, signal), 'signal')) return { status: 'safe', messageId: 'alreadyCleared', at: race, data: { name: facts.code(timer.call, 60) } };
      const link = linkableSignal(facts, race, timer.call, signal, true);
      if (typeof link === 'string') return refuse('helperSignalPassed', race, { name: facts.code(timer.call.callee, 40), signal: facts.code(signal, 40), reason: link });
      linked = link;
    }
  }

  // the code clears the handle somewhere this cannot place on a path (another function, a callback):
  // not judged, rather than a second clear beside it
  const sharedHandle = timer.kind === 'executor' && timer.timer.capture.kind === 'assigned' && facts.tree.functionOf(timer.timer.capture.binding.declaration) !== facts.tree.functionOf(race);
  if (timer.kind === 'executor' && !sharedHandle && site.clears.length > 0 && site.clears.every((clear) => clear.race.size === 0 && clear.work.size === 0 && !clear.beforeSettling)) {
    return unknown('clearedUnseen', race, { name: handleName(timer) });
  }
  // a promise class of the code's own (`this._Promise.race`, `P.race`), whose inline timer arm is a
  // `new` of that class (or the global): it may lack .finally(), so the fix clears the timer in both
  // handlers of .then(), which every Promises/A+ implementation has. Any other timer: refused.
  if (!site.builtinPromise) {
    const object = unwrap(unwrap(race.callee).object);
    if (object?.type === 'Identifier' && object.name === 'Promise') return refuse('shadowed', race, { name: 'Promise' });
    if (timer.kind !== 'executor') return refuse('nonGlobalPromise', race, { object: facts.code(object) });
    // TypeScript: the handlers of `.then(onFulfilled, onRejected)` take their types from that class,
    // which may be `any` (TS7006 under strict): not written there
    if (facts.typescript) return refuse('promiseClassTyped', race, { object: facts.code(object) });
  }
  if (timerArm.declaration && timerArm.declaration.otherUses > 0) return refuse('armShared', race, { name: timerArm.declaration.binding.name });
  // one use, but in a loop the arm's declaration is outside of: every run of the loop races it again
  if (timerArm.declaration && inLoopOutside(facts.tree, race, timerArm.declaration.binding.id)) return refuse('armShared', race, { name: timerArm.declaration.binding.name });

  // Clearing the timer also skips the handlers chained on the arm: only the leak may go with them.
  for (const tail of arm.tails) {
    const busy = tail.handlers.find((handler) => !isSettlingHandler(handler));
    if (busy) return refuse('handlerSideEffects', busy);
  }

  const fetchHeads = site.workArms.filter((work) => work.arm.role === 'work' && work.arm.fetch).map((work) => (work.arm as { fetch: any }).fetch);
  // the fix touches the timer arm and the fetches it gives a signal: declarations go before those,
  // wherever they are declared; other arms held in consts are not moved past
  const touched = site.arms.filter((candidate) => candidate === timerArm || (candidate.arm.role === 'work' && candidate.arm.fetch));
  const earlier = touched.filter((candidate) => candidate.declaration).map((candidate) => candidate.declaration!.statement);
  // the timer's own call may sit in an earlier statement still (`const s = sleep(…)` raced as
  // `s.then(…)`): the declarations go before it too, or the fix would read them uninitialised
  let leavesFirst: Remark | undefined;
  const timerCall = timer.kind === 'executor' ? timer.timer.call : (timer as { call?: any }).call;
  const raceStatement = facts.tree.statementOf(race);
  // `const s = sleep(ms); await Promise.race([work(), s.then(…)]); await s;`: the timer's promise,
  // held in a const and used again past the race, would be cut short for that other use too
  if (timerCall && raceStatement && !facts.tree.isInside(timerCall, raceStatement)) {
    // (an arm the race names, `timerArm.declaration`, was judged above)
    const declarator = timerArm.declaration ? undefined : [...facts.tree.ancestors(timerCall)].find((node: any) => node.type === 'VariableDeclarator');
    const held = declarator?.id?.type === 'Identifier' ? facts.scopes.bindingOf(declarator.id) : undefined;
    const elsewhere = held?.references.find((reference) => reference.node !== held.id && !facts.tree.isInside(reference.node, race));
    if (held && elsewhere) return refuse('armShared', race, { name: held.name });
    // out of the executor or callback that arms it, to the race's own function
    let armed = timerCall;
    while (armed && facts.tree.functionOf(armed) !== facts.tree.functionOf(race)) armed = facts.tree.functionOf(armed);
    const holder = armed ? facts.tree.statementOf(armed) : undefined;
    if (holder) earlier.push(holder);
    // and nothing between may leave before the race exists, with the timer armed
    const list = holder ? facts.tree.listOf(holder) : undefined;
    const raceHolder = list?.list.find((candidate: any) => facts.tree.isInside(race, candidate));
    // the fix releases the timer once the race exists; on that path it stays armed, as it does today: said
    const leaving = list && raceHolder ? list.list.slice(list.index + 1, list.list.indexOf(raceHolder)).find((between: any) => mayLeaveEarly(between)) : undefined;
    if (leaving) leavesFirst = { status: 'unknown', messageId: 'armedBeforeLeaving', at: leaving, data: { name: facts.code(holder, 40), code: facts.code(leaving, 40) } };
  }
  const placement = placementFor(facts, race, earlier);
  if (placement === 'other-block') return refuse('declarationOutOfReach', race, { name: touched.find((candidate) => candidate.declaration)?.declaration?.binding.name ?? '' });
  if (typeof placement === 'string') return refuse('unsupportedPosition', race, { where: placement === 'repeated' ? 'in the test or update of a loop, which runs again for each turn' : 'not inside a statement or an arrow body (a class field or a parameter default)' });

  let timerPlan: TimerPlan;
  const remarks: Remark[] = leavesFirst ? [leavesFirst] : [];
  if (timer.kind === 'executor') {
    const decided = planExecutorTimer(facts, site, timer, placement);
    if ('status' in decided) return softened(decided, site.clears.some((clear) => clear.race.has('fulfilled') || clear.work.has('fulfilled')));
    timerPlan = decided;
  } else if (timer.kind === 'sleep') {
    if (!facts.resolver.isFreeAt(race, 'AbortController')) return refuse('shadowed', race, { name: 'AbortController' });
    const planned = linked ? linkedPlan(facts, race, timer.call, placement, linked) : { kind: 'sleep' as const, call: timer.call };
    if (typeof planned === 'string') return refuse('helperSignalPassed', race, { name: facts.code(timer.call.callee, 40), signal: facts.code(linked!.signal, 40), reason: planned });
    timerPlan = planned;
  } else if (timer.kind === 'helper' && timer.abortable) {
    if (!facts.resolver.isFreeAt(race, 'AbortController')) return refuse('shadowed', race, { name: 'AbortController' });
    const planned = linked ? linkedPlan(facts, race, timer.call, placement, linked) : { kind: 'helper-signal' as const, call: timer.call, index: timer.abortable.index, pass: timer.abortable.kind };
    if (typeof planned === 'string') return refuse('helperSignalPassed', race, { name: timer.name, signal: facts.code(timer.signalPassed, 40), reason: planned });
    timerPlan = planned;
  } else {
    const decided = planInlineHelper(facts, site, timer, options);
    if ('status' in decided) return decided;
    timerPlan = decided;
  }

  // A fetch that is not the platform's (node-fetch, an injected one) keeps running: it is named.
  for (const work of site.workArms) {
    if (work.arm.role !== 'work' || work.arm.fetch) continue;
    const head = work.arm.head;
    const callee = unwrap(head?.callee);
    const name = callee?.type === 'Identifier' ? callee.name : propertyName(callee);
    if ((head?.type === 'CallExpression' || head?.type === 'OptionalCallExpression') && name === 'fetch') {
      remarks.push({ status: 'refused', messageId: 'fetchNotWired', at: head, data: { reason: `\`${facts.code(callee, 40)}\` is not the global fetch, so whether it takes a signal is not known here` } });
    }
  }

  // A losing fetch is aborted from the timer's callback, after the callback has settled the race.
  const fetches: any[] = [];
  for (const call of fetchHeads) {
    const reason = fetchRefusal(facts, site, call, timerPlan);
    if (reason === 'has-signal') continue;
    if (reason) remarks.push({ status: 'refused', messageId: 'fetchNotWired', at: call, data: { reason } });
    else fetches.push(call);
  }
  // what the fix aborts may reject a promise only the race holds: never where the race may not exist
  const aborts = timerPlan.kind === 'sleep' || timerPlan.kind === 'helper-signal' || timerPlan.kind === 'helper-linked';
  const noTryFinally = aborts && (mayThrowAfter(facts, race, (timerPlan as { call: any }).call) || (timer.kind === 'helper' && !onlyReturnsAPromise(timer.fn)));
  const said = timerPlan.kind === 'helper-linked' ? { messageId: 'fixedLinkedSignal' as MessageId, data: { name: facts.code(timerPlan.call.callee, 40), signal: facts.code(timerPlan.signal, 40) } } : {};
  return { status: 'fixable', plan: { site, placement, timer: timerPlan, fetches, noTryFinally }, remarks, ...said };
}

function handleName(arm: Extract<TimerArm, { kind: 'executor' }>): string {
  return handleNameOf(arm.timer);
}

function handleNameOf(timer: { capture: { kind: string; binding?: { name: string } } }): string {
  return timer.capture.binding?.name ?? 'timer';
}

// Each path the work can take must find the timer cleared: fulfilment by a clear that follows the
// race's (or the work's) fulfilment, rejection likewise — unless the work cannot reject. When the
// timer fires it is spent.
// The site's clears but those that follow a write of the handle in their list of statements
// (`h = undefined; clearTimeout(h);`), which clear something else, or nothing
function clearsOfTheTimer(facts: Facts, site: RaceSite, executor: Extract<TimerArm, { kind: 'executor' }>): RaceSite['clears'] {
  const capture = executor.timer.capture;
  if (capture.kind !== 'assigned' && capture.kind !== 'declared') return site.clears;
  const binding = capture.binding;
  const writes = binding.references.map((reference: { node: any }) => reference.node).filter((node: any) => {
    const parent = facts.tree.parent(node);
    return (parent?.type === 'AssignmentExpression' && parent.left === node && parent !== (capture.kind === 'assigned' ? capture.assignment : undefined)) || parent?.type === 'UpdateExpression';
  });
  return site.clears.filter((clear) => {
    const statement = facts.tree.statementOf(clear.node);
    const list = statement ? facts.tree.parent(statement)?.body : undefined;
    if (!Array.isArray(list)) return true;
    return !list.slice(0, list.indexOf(statement)).some((before: any) => writes.some((node: any) => facts.tree.isInside(node, before)));
  });
}

function releasedOnEveryPath(site: RaceSite, clears: RaceSite['clears']): boolean {
  const covers = (outcome: 'fulfilled' | 'rejected') => clears.some((clear) => clear.race.has(outcome) || clear.work.has(outcome));
  return covers('fulfilled') && (site.workCannotReject || covers('rejected'));
}

// `const de = delay(ms); await Promise.race([de, work]); de.cancel();`: the helper's own cancel,
// after the race, on the path where it fulfils.
function cancelledOnFulfilment(facts: Facts, site: RaceSite, timerArm: RaceArm): boolean {
  const binding = timerArm.declaration?.binding;
  if (!binding) return false;
  return binding.references.some((reference) => {
    const member = facts.tree.parent(reference.node);
    const call = member && facts.tree.parent(member);
    const method = propertyName(member);
    return call?.type === 'CallExpression' && call.callee === member && (method === 'cancel' || method === 'clear' || method === 'abort') && coverageOf(facts.tree, site.node, call).has('fulfilled');
  });
}

// A site whose timer is released when the work fulfils, and left armed only if the work rejects:
// whether it can reject is the code's own knowledge (an arm that only resolves), so a refusal there
// is not judged a leak. Nor is one whose opaque timer is cancelled by its own `cancel()` there: a
// work that cannot reject would make it safe, if that cancel clears the timer.
function softened<R extends Result | undefined>(result: R, releasedOnFulfilment: boolean): R {
  if (result?.status === 'refused' && releasedOnFulfilment) return { ...result, status: 'unknown' };
  return result;
}

function opaque(facts: Facts, site: RaceSite, timerArm: RaceArm, reason: string, detail: string | undefined, helper?: OpaqueHelper, options: Readonly<Record<string, unknown>> = {}): Result | undefined {
  const armText = facts.code(timerArm.element);
  const race = site.node;
  switch (reason) {
    case 'imported-helper':
      return unknown('importedHelper', race, { arm: armText, source: detail ?? '' });
    case 'package-helper':
      return refuse('packageHelper', race, { arm: armText, source: detail ?? '' });
    case 'helper-shape':
      if (helper?.unusable) return refuse('helperSignalUnusable', race, { name: calleeText(facts, timerArm.value), where: detail ? ` (${detail})` : '', reason: helper.unusable });
      if (helper?.abortType) return helperRefusal(facts, site, helper, `its abort parameter is typed as \`${helper.abortType}\` of its own project, which the global AbortController need not be`, options);
      if (helper) return helperRefusal(facts, site, helper, 'it does not give back one timer promise, or a choice of them', options);
      return refuse('helperShape', race, { name: calleeText(facts, timerArm.value), where: detail ? ` (${detail})` : '', reason: 'it does not give back one timer promise, or a choice of them' });
    case 'executor-shape':
      return refuse('unknownTimerShape', timerArm.element);
    case 'handle-wrapper':
      return refuse('handleWrapped', timerArm.element, { name: detail ?? '' });
    case 'foreign-timer':
      return unknown('foreignTimer', shadowedCall(facts, timerArm.value) ?? timerArm.element, { name: detail ?? 'setTimeout' });
    case 'shadowed':
      return unknown('shadowed', shadowedCall(facts, timerArm.value) ?? timerArm.element, { name: detail ?? 'setTimeout' });
    case 'async-timer':
      // what it awaits may take a signal the code aborts: not known from here
      return unknown('asyncTimer', race, { arm: armText });
    case 'conditional':
      return refuse('conditionalArm', race, { arm: armText });
    case 'owned':
      return ownedVerdict(facts, site, timerArm, detail ?? '');
    default:
      return unknown('opaqueHelper', race, { arm: armText });
  }
}

// `await Promise.race([work, watcher.promise]); watcher.disarm();`: the object's own cancel, judged
// by the paths it runs on after the race. On every path: nothing held is left (a note). On
// fulfilment only: whatever it cancels stays when the race rejects (a warning: what it holds is its
// class's business). Elsewhere: not judged.
function ownedVerdict(facts: Facts, site: RaceSite, timerArm: RaceArm, cancels: string): Result | undefined {
  const race = site.node;
  const head = timerArm.arm.role === 'opaque-timer' ? timerArm.arm.node : timerArm.element;
  const coverages = cancelCallsOf(facts, head).map((call: any) => coverageOf(facts.tree, race, call));
  // one cancel on each outcome (`x.cancel()` after the race, another in the catch) covers both too
  if (coverages.some((coverage) => coverage.has('fulfilled') && coverage.has('rejected')) || (coverages.some((coverage) => coverage.has('fulfilled')) && coverages.some((coverage) => coverage.has('rejected')))) {
    return { status: 'safe', messageId: 'alreadyCleared', at: race, data: { name: facts.code(timerArm.element, 40) } };
  }
  if (coverages.some((coverage) => coverage.has('fulfilled'))) {
    const moved = movableCancels(facts, site);
    const placement = typeof moved === 'string' ? undefined : placementFor(facts, race);
    const reason = typeof moved === 'string' ? moved : !site.builtinPromise ? 'the race is not one of the global Promise' : typeof placement === 'string' || !placement ? 'the race has no statement to hold it' : undefined;
    if (typeof moved !== 'string' && reason === undefined) {
      return { status: 'fixable', plan: { site, placement: placement as Placement, timer: { kind: 'owned-cancel', ...moved }, fetches: [] }, messageId: 'fixedOwnedCancel', data: { cancels: moved.calls.map((call) => facts.code(call, 40)).join('; ') } };
    }
    return unknown('cancelledOnFulfilmentOnly', race, { arm: facts.code(timerArm.element, 40), cancels, reason: reason ?? '' });
  }
  // (cancelled where this cannot place it: said nothing of, as before the object was looked at)
  return undefined;
}

// `await Promise.race([work, watcher.promise]);` (or `const x = await …`) whose statement is followed
// right away by the cancels of the arms' owners, `watcher.disarm();`, and by nothing else between:
// moved to run when the race settles, on every path. Every cancel of every owned arm that runs on
// fulfilment only must be among them, each a statement of its own with arguments that cost nothing;
// no arm is a fetch (which would still run on). Undefined otherwise.
function movableCancels(facts: Facts, site: RaceSite): { statements: any[]; calls: any[] } | string {
  const { tree, scopes } = facts;
  const race = site.node;
  const notRightAfter = 'it is not in the statements right after the awaited race (code between may read the object)';
  if (site.workArms.some((arm) => arm.arm.role === 'work' && arm.arm.fetch)) return 'a fetch among the arms would still run on';
  const calls = site.arms
    .flatMap((arm) => cancelCallsOf(facts, unwrap(arm.arm.role === 'opaque-timer' ? arm.arm.node : arm.value)))
    .filter((call: any) => {
      const coverage = coverageOf(tree, race, call);
      return coverage.has('fulfilled') && !coverage.has('rejected');
    });
  if (calls.length === 0) return notRightAfter;
  const awaiting = tree.parent(outermost(tree, race));
  const notAwaited = 'the race is not awaited by a statement of its own';
  if (awaiting?.type !== 'AwaitExpression') return notAwaited;
  const holder = tree.parent(awaiting);
  const declarator = holder?.type === 'VariableDeclarator' && holder.init === awaiting ? holder : undefined;
  const statement = declarator ? tree.parent(declarator) : holder;
  const whole = (statement?.type === 'ExpressionStatement' && statement.expression === awaiting) || (declarator && statement?.declarations.length === 1);
  const slot = whole ? tree.listOf(statement) : undefined;
  if (!slot) return notAwaited;
  const statements: any[] = [];
  for (const next of slot.list.slice(slot.index + 1)) {
    const call = next.type === 'ExpressionStatement' ? unwrap(next.expression) : undefined;
    if (!call || !calls.includes(call)) break;
    // run earlier, an argument must mean what it meant: nothing the race's statement (or later) declares
    const late = call.arguments.some((argument: any) => !isEffectFree(argument) || tree.within(argument, 'Identifier').some((id: any) => {
      const binding = scopes.bindingOf(id);
      return binding !== undefined && binding.id.start >= statement.start;
    }));
    if (late) return `an argument of \`${facts.code(call, 40)}\` is not known before the race settles`;
    // a comment after it on its line would be left behind
    if (facts.source.text.slice(next.end, facts.source.lineEndOf(next.end)).trim() !== '') return `\`${facts.code(call, 40)}\` shares its line with a comment or more code`;
    // a block comment over several lines above it: moved line by line, its lines would not be its own
    const previousEnd = (statements.at(-1) ?? statement).end;
    if ((facts.file.comments ?? []).some((comment: any) => comment.start >= previousEnd && comment.end <= next.start && (comment.type === 'CommentBlock' || comment.type === 'Block') && /[\n\r]/.test(comment.value))) {
      return `a block comment over several lines sits above \`${facts.code(call, 40)}\``;
    }
    statements.push(next);
  }
  if (statements.length !== new Set(calls).size) return notRightAfter;
  return { statements, calls: statements.map((each) => unwrap(each.expression)) };
}

// the look-alike `setTimeout(…)` call inside an arm
function shadowedCall(facts: Facts, node: any): any | undefined {
  return facts.tree.within(node, 'CallExpression').find((call) => unwrap(call.callee)?.type === 'Identifier' && unwrap(call.callee).name === 'setTimeout');
}

function calleeText(facts: Facts, value: any): string {
  let head = unwrap(value);
  while (head?.type === 'CallExpression' && ['then', 'catch', 'finally'].includes(propertyName(head.callee) ?? '')) head = unwrap(head.callee.object);
  return head?.type === 'CallExpression' ? facts.code(head.callee, 40) : facts.code(head, 40);
}

// `() => { throw err; }`, `() => Promise.reject(err)`, `() => FALLBACK`: turns the timer into the
// race's outcome and does nothing else.
function isSettlingHandler(handler: any): boolean {
  if (!isFunction(handler) || handler.async || handler.params.length > 1) return false;
  const body = handler.body;
  if (body.type !== 'BlockStatement') return isEffectFree(body) || isPromiseReject(body);
  if (body.body.length !== 1) return false;
  const [statement] = body.body;
  if (statement.type !== 'ThrowStatement' && statement.type !== 'ReturnStatement') return false;
  return statement.argument == null || isEffectFree(statement.argument) || isPromiseReject(statement.argument);
}

function isPromiseReject(node: any): boolean {
  const call = unwrap(node);
  return call?.type === 'CallExpression' && propertyName(call.callee) === 'reject' && unwrap(call.callee.object)?.type === 'Identifier' && unwrap(call.callee.object).name === 'Promise' && call.arguments.every(isEffectFree);
}

// `if (h) clearTimeout(h);` or `if (h) { clearTimeout(h); }` around the clear's statement: the whole guard goes with it
function guardOf(facts: Facts, statement: any, clear: any): any | undefined {
  const { tree } = facts;
  let holder = tree.parent(statement);
  if (holder?.type === 'BlockStatement' && holder.body.length === 1) holder = tree.parent(holder);
  return holder?.type === 'IfStatement' && isGuardedClear(holder, clear) ? holder : undefined;
}

function planExecutorTimer(facts: Facts, site: RaceSite, arm: Extract<TimerArm, { kind: 'executor' }>, placement: Placement): TimerPlan | Result {
  const race = site.node;
  const timer = arm.timer;
  const capture = timer.capture;
  // The callback must only settle, with values that cost nothing to skip.
  const effects = callbackEffects(timer.callback);
  if (arm.choice) {
    if (!isEffectFree(arm.choice.test) || !arm.choice.calls.every((call) => call.arguments.length <= 1 && call.arguments.every(isEffectFree))) return refuse('timerSideEffects', timer.callback);
  } else if (effects) {
    // a log line before the settle is the timer's report: cleared once the work has won, it would
    // only have said that work timed out which did not (./model/reports.ts)
    const call = settleAfterReports(facts, effects);
    if (!call || facts.scopes.bindingOf(unwrap(call.callee)) !== arm.settle || !call.arguments.every((argument: any) => isFreeSettleValue(facts, argument))) return refuse('timerSideEffects', timer.callback);
  } else if (!timer.extraArguments.every(isEffectFree) || timer.extraArguments.length > 1) {
    return refuse('timerSideEffects', timer.callback);
  }
  const clear = clearSpelling(facts, timer, race);
  if (!clear.ok) return refuse('shadowed', timer.call, { name: clear.name });
  const typeQuery = timerTypeQuery(facts, timer);

  let existing: string | undefined;
  const redundantClears: any[] = [];
  if (capture.kind === 'stored') return unknown('handleOnMember', capture.node, { name: capture.description });
  if (capture.kind === 'declared') {
    // `const id = setTimeout(...)` inside the executor: moved out under a name of ours
    if (capture.binding.references.length > 0) return unknown('handleEscapes', capture.statement, { name: capture.binding.name });
  }
  if (capture.kind === 'assigned') {
    const binding = capture.binding;
    const problem = handleProblem(facts, site, binding);
    if (problem) return problem;
    existing = binding.name;
    for (const clear of site.clears) {
      if (clear.beforeSettling) return unknown('clearedElsewhere', race, { name: binding.name });
      // a clear on the line after the awaited race runs on fulfilment only: the finally replaces it
      // (one inside a handler on the race stays: harmless beside the finally, and its handler keeps its shape)
      if (clear.race.has('fulfilled') && !clear.race.has('rejected') && facts.tree.functionOf(clear.node) === facts.tree.functionOf(race)) {
        const statement = facts.tree.parent(clear.node);
        if (statement?.type === 'ExpressionStatement' && unwrap(statement.expression) === clear.node) redundantClears.push(guardOf(facts, statement, clear.node) ?? statement);
      }
    }
    for (const use of timer.uses) {
      if (use.kind === 'clear' && !site.clears.some((clear) => clear.node === use.call)) return unknown('clearedElsewhere', race, { name: binding.name });
    }
  }
  void placement;
  return { kind: 'executor', arm, existing, clear: clear.spelling, typeQuery, redundantClears };
}

// A handle the code keeps in a variable must be this run's own: a `let` of the race's function,
// set to nothing else, used only to clear it (or to test it before clearing).
function handleProblem(facts: Facts, site: RaceSite, binding: Binding): Result | undefined {
  const race = site.node;
  const declarator = binding.declaration;
  const name = binding.name;
  const capture = site.timer!.capture;
  const at = capture.kind === 'assigned' ? capture.assignment : race;
  if (binding.kind !== 'let' && binding.kind !== 'var') return unknown('handleShared', at, { name });
  if (declarator?.type !== 'VariableDeclarator' || facts.tree.functionOf(declarator) !== facts.tree.functionOf(race)) return unknown('handleShared', at, { name });
  // declared outside a loop that runs the race again before it settles (not awaited there): each
  // clear would read the handle of a later run
  if (facts.tree.parent(race)?.type !== 'AwaitExpression' && inLoopOutside(facts.tree, race, declarator)) return unknown('handleShared', at, { name });
  const init = unwrap(declarator.init);
  if (init && !(init.type === 'NullLiteral' || (init.type === 'Identifier' && init.name === 'undefined') || (init.type === 'Literal' && init.value === null))) return unknown('handleEscapes', declarator, { name });
  const timer = site.timer!;
  for (const use of timer.uses) {
    if (use.kind === 'clear' || use.kind === 'guard' || use.kind === 'unref' || use.kind === 'reset') continue;
    if (use.kind === 'rearm') return unknown('handleShared', use.node, { name });
    return unknown('handleEscapes', use.node, { name });
  }
  return undefined;
}

// `sleep(ms, signal)` where `signal` is the caller's: the fix gives the helper a signal of the race's
// own instead, aborted when the race settles and, until then, whenever `signal` aborts, with its
// reason (at once if it has already). The helper then sees what it saw: aborted when `signal` is,
// with the same reason. What must hold:
// - `signal` is a binding never written, read again as it is; anything else (`opts?.signal`,
//   `this.controller.signal`, `signal as AbortSignal`) is read once into a const before the
//   statement, which nothing in the statement can tell from reading it at the call (below);
// - nothing the statement runs before the helper's call may run code: no call (but `Promise.all`,
//   `allSettled`, `any`, `race`, `resolve` over bindings), no await, no property read. Such code could
//   add an abort listener of its own to `signal` first (the one that follows it is added before the
//   statement, where the helper's own was added at its call, and the order of the two decides which
//   one rejects first), or throw, and leave the race unmade with the follower on `signal`;
// - the helper adds its own listener at its call: not after an await of an async helper, not in a
//   callback but a promise's executor;
// - the race runs whenever its statement does (not behind `&&`, `?:`, a braceless `if`), and the
//   statement is where the fix's lines go (checked with the placement: linkRunsWithRace);
// - `?.` may be written (TypeScript, a file that has it, or one that has timers/promises, which came
//   after it in Node) where `signal` may be undefined.
function linkableSignal(facts: Facts, race: any, call: any, passed: any, nodeTimers = false, helper?: { fn: any; home: Facts; index: number }): LinkedSignal | string {
  const { tree, scopes, resolver } = facts;
  const signal = unwrap(passed);
  // the chain's root: `signal`, `opts?.signal`, `this.options.signal`
  let root = signal;
  while (root?.type === 'MemberExpression' || root?.type === 'OptionalMemberExpression') {
    if (root.computed) return `\`${facts.code(signal, 40)}\` is a computed property`;
    root = unwrap(root.object);
  }
  if (root?.type !== 'Identifier' && root?.type !== 'ThisExpression') return `\`${facts.code(signal, 40)}\` is not a binding or a property of one`;
  const binding = root.type === 'Identifier' ? scopes.bindingOf(root) : undefined;
  if (root.type === 'Identifier' && !binding && !resolver.isFreeAt(race, root.name)) return `\`${facts.code(root, 40)}\` is not a binding this file declares`;
  // read again as it is only where it keeps its value; anything else is read once, first
  const capture = !(passed === signal && signal.type === 'Identifier' && binding !== undefined && !binding.references.some((reference) => reference.write));
  // what the statement runs before the helper's call
  const holder = tree.statementOf(race);
  if (!holder) return 'the race is not inside a statement';
  // code that runs before the call: the follower is added at the call instead, by a function that
  // takes the signal there (which TypeScript must be able to type: the helper's parameter is an AbortSignal)
  const first = firstRunBefore(facts, holder, call, passed, race);
  const param = helper ? unwrapPattern(helper.fn.params[helper.index]) : undefined;
  const typedParam = isAbortSignalType(param?.typeAnnotation?.typeAnnotation);
  const lazyRefusal = facts.typescript && !nodeTimers && !typedParam ? `the helper's parameter is not typed \`AbortSignal\`, so a function that takes the signal at the call could not be typed` : undefined;
  if (first && lazyRefusal) return `\`${facts.code(first, 40)}\` runs before \`${facts.code(call, 40)}\`, and ${lazyRefusal}`;
  if (helper) {
    const late = lateRegistration(helper.home, helper.fn);
    if (late) return late;
    // the follower is added before the helper runs: a helper that throws at its call would leave it
    if (!onlyReturnsAPromise(helper.fn)) return 'the helper may throw at its call (it is not async, nor does it only return a new Promise), past a signal already followed';
  }
  // a parameter typed `signal: AbortSignal` is never undefined; anything else may be
  const declared = binding?.id;
  const annotation = declared?.typeAnnotation?.typeAnnotation;
  const definite = !capture && facts.typescript && binding?.kind === 'param' && !declared.optional && annotation?.type === 'TSTypeReference' && annotation.typeName?.name === 'AbortSignal';
  const optional = !definite;
  const hasOptionalChains = tree.within(tree.program, 'OptionalMemberExpression').length > 0 || tree.within(tree.program, 'OptionalCallExpression').length > 0;
  if (optional && !facts.typescript && !hasOptionalChains && !nodeTimers) return `\`${facts.code(signal, 40)}\` may be undefined, and this file writes no \`?.\` that reading it could use`;
  if (!resolver.isFreeAt(race, 'AbortController')) return 'AbortController is not the global here';
  return { signal: passed, optional, capture: first ? false : capture, lazy: first !== undefined, lazyRefusal };
}

// The first node the statement evaluates before the helper's call that runs code (a call, an await,
// a property read, a spread) — the signal passed and the race's own callee aside; none, undefined.
function firstRunBefore(facts: Facts, holder: any, call: any, passed: any, race: any): any | undefined {
  const { tree } = facts;
  const QUIET = new Set(['Identifier', 'ThisExpression', 'ObjectExpression', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'Literal', 'TemplateLiteral', 'TemplateElement', 'ArrayExpression', 'BinaryExpression', 'UnaryExpression', 'ObjectPattern', 'ArrayPattern', 'ObjectProperty', 'RestElement', 'VariableDeclarator', 'VariableDeclaration', 'ExpressionStatement', 'ReturnStatement', 'AwaitExpression', 'ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression']);
  const found: any[] = [];
  walkNodes(holder, (node) => {
    if (node === passed || isFunction(node) || (node.type.startsWith('TS') && !QUIET.has(node.type))) return false;
    // the call itself, or a node around it: evaluated around it, only its parts before it count
    const holds = (candidate: any) => tree.isInside(call, candidate) || tree.isInside(passed, candidate);
    // the callee of a call around the helper's (`Promise.race`, `sleep` itself) is only read
    const parent = tree.parent(node);
    if (parent?.callee === node && holds(parent) && !tree.isInside(call, node)) return false;
    if (holds(node)) return true;
    // the helper's own arguments before the signal run before it adds its listener, as what comes
    // before the call does
    if (node.start >= (tree.isInside(node, call) ? passed.start : call.start)) return false;
    if (isPromiseStaticOverBindings(facts, node)) return false;
    if (QUIET.has(node.type) && !(node.type === 'UnaryExpression' && node.operator === 'delete') && node.type !== 'AwaitExpression') return true;
    found.push(node);
    return false;
  });
  return found.sort((a, b) => a.start - b.start)[0];
}

// An async helper that awaits before it adds its abort listener, or one that adds it in a callback
// other than a promise's executor, adds it after its call: the order with other listeners the
// statement adds after that call would change.
function lateRegistration(home: Facts, fn: any): string | undefined {
  const { tree } = home;
  const registrations = [
    ...tree.within(fn, 'CallExpression').filter((call: any) => propertyName(unwrap(call.callee)) === 'addEventListener'),
    ...tree.within(fn, 'OptionalCallExpression').filter((call: any) => propertyName(unwrap(call.callee)) === 'addEventListener'),
    ...tree.within(fn, 'AssignmentExpression').filter((assignment: any) => propertyName(unwrap(assignment.left)) === 'onabort'),
  ];
  const registration = registrations.sort((a: any, b: any) => a.start - b.start)[0];
  if (!registration) return 'the helper\'s own abort listener is not found';
  for (let inner = tree.functionOf(registration); inner && inner !== fn; inner = tree.functionOf(inner)) {
    if (!isPromiseExecutor(home, inner)) return `the helper adds its abort listener in a callback (\`${home.code(inner, 40)}\`), after its call`;
  }
  const waits = [...tree.within(fn, 'AwaitExpression'), ...tree.within(fn, 'YieldExpression')].find((wait: any) => tree.functionOf(wait) === fn && wait.start < registration.start);
  if (waits) return `the helper awaits (\`${home.code(waits, 40)}\`) before it adds its abort listener, after its call`;
  return undefined;
}

const LATER_THROW = 'the statement may throw after the helper\'s call (a later arm\'s call, a property read), before the race exists, and the follower would stay on the caller\'s signal';

// Whether the statement may throw after the timer's call and before the race exists: anything the
// race's arguments evaluate after it but bindings declared before the race, literals, arrays and
// objects of them (a call, `new`, a property read, a tagged template, `in`, an undeclared name may).
export function mayThrowAfter(facts: Facts, race: any, call: any): boolean {
  const { tree, scopes } = facts;
  const QUIET = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'Literal', 'TemplateElement', 'ArrayExpression', 'ObjectExpression', 'ObjectProperty', 'Property', 'ThisExpression', 'ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression']);
  let found = false;
  for (const argument of race.arguments) {
    walkNodes(argument, (node) => {
      if (found || isFunction(node) || (node.type.startsWith('TS') && !QUIET.has(node.type))) return false;
      // a property's name, not a read
      const parent = tree.parent(node);
      if (parent?.property === node && !parent.computed && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression')) return false;
      if (parent?.key === node && !parent.computed && (parent.type === 'ObjectProperty' || parent.type === 'Property')) return false;
      if (node.start < call.end) return node.end > call.end;
      if (node.type === 'Identifier') {
        const binding = scopes.bindingOf(node);
        const declared = binding && (binding.kind === 'param' || binding.kind === 'import' || (binding.declaration?.end ?? Infinity) <= race.start);
        if (!declared && !(node.name === 'undefined' && facts.resolver.isFreeAt(node, 'undefined'))) found = true;
        return false;
      }
      if (node.type === 'TemplateLiteral' || (node.type === 'UnaryExpression' && node.operator !== 'delete')) return true;
      if (!QUIET.has(node.type)) found = true;
      return !found;
    });
  }
  return found;
}

// An async function, or one that only returns a `new Promise(…)`: it cannot throw at its call
function onlyReturnsAPromise(fn: any): boolean {
  if (!fn) return false;
  if (fn.async) return true;
  const returned = unwrap(returnedExpression(fn));
  return returned?.type === 'NewExpression' && unwrap(returned.callee)?.type === 'Identifier' && unwrap(returned.callee).name === 'Promise';
}

// The plan of a linked signal, once the placement is known, or why there is none: never where the
// statement may throw after the helper's call; the follower added before the statement needs the
// race to run whenever that statement does, and where it may not, the follower is added at the call
// instead (lazy), when that can be typed.
function linkedPlan(facts: Facts, race: any, call: any, placement: Placement, linked: LinkedSignal): TimerPlan | string {
  if (mayThrowAfter(facts, race, call)) return LATER_THROW;
  const unlinked = linked.lazy ? undefined : linkRunsWithRace(facts, race, placement);
  if (unlinked && linked.lazyRefusal) return `${unlinked}, and ${linked.lazyRefusal}`;
  return { kind: 'helper-linked', call, ...linked, ...(unlinked ? { capture: false, lazy: true } : {}) };
}

// `AbortSignal`, `AbortSignal | undefined`, `AbortSignal | null`
function isAbortSignalType(type: any): boolean {
  if (type?.type === 'TSTypeReference') return type.typeName?.name === 'AbortSignal';
  if (type?.type !== 'TSUnionType') return false;
  return type.types.some(isAbortSignalType) && type.types.every((member: any) => isAbortSignalType(member) || member.type === 'TSUndefinedKeyword' || member.type === 'TSNullKeyword');
}

// The race runs whenever the statement that gets the fix's lines does: no `&&`, `?:`, braceless
// `if` or loop between them, and that statement is the race's own.
function linkRunsWithRace(facts: Facts, race: any, placement: Placement): string | undefined {
  const { tree } = facts;
  const top = placement.kind === 'statement' ? placement.statement : placement.arrow.body;
  if (placement.kind === 'statement' && !tree.isInside(race, placement.statement)) return 'the lines would go before an earlier statement than the race\'s';
  for (let child = race, parent = tree.parent(race); child !== top && parent; child = parent, parent = tree.parent(parent)) {
    const conditional =
      (parent.type === 'ConditionalExpression' && parent.test !== child) ||
      (parent.type === 'LogicalExpression' && parent.left !== child) ||
      (parent.type === 'AssignmentExpression' && ['&&=', '||=', '??='].includes(parent.operator) && parent.left !== child) ||
      ((parent.type === 'OptionalCallExpression' || parent.type === 'OptionalMemberExpression') && parent.callee !== child && parent.object !== child) ||
      (parent.type === 'IfStatement' && parent.test !== child) ||
      isLoop(parent) || isFunction(parent) || parent.type === 'SwitchCase' || parent.type === 'TryStatement' || parent.type === 'CatchClause';
    if (conditional) return `the race runs only on some runs of \`${facts.code(top, 40)}\` (\`${facts.code(parent, 40)}\`)`;
  }
  return undefined;
}

// `Promise.allSettled(promises)`, `Promise.any([a, b])`: the global's, over bindings only
function isPromiseStaticOverBindings(facts: Facts, node: any): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = unwrap(node.callee);
  if (callee?.type !== 'MemberExpression' || callee.computed || !facts.resolver.is(callee.object, 'Promise')) return false;
  if (!['all', 'allSettled', 'any', 'race', 'resolve'].includes(propertyName(callee) ?? '')) return false;
  return node.arguments.every((argument: any) => {
    const value = unwrap(argument);
    return value?.type === 'Identifier' || (value?.type === 'ArrayExpression' && value.elements.every((element: any) => unwrap(element)?.type === 'Identifier'));
  });
}

// `followSignal(signal)` of a lazily linked signal (fix.ts lazyLinkParts): the `c.signal` the
// function gives back, a const arrow of the race's own function; anything else as it is
function followedSignal(facts: Facts, passed: any): any {
  const call = unwrap(passed);
  if (call?.type !== 'CallExpression' || unwrap(call.callee)?.type !== 'Identifier') return passed;
  const binding = facts.scopes.bindingOf(unwrap(call.callee));
  const fn = unwrap(binding?.declaration?.init);
  if (!binding || binding.kind !== 'const' || fn?.type !== 'ArrowFunctionExpression' || fn.body.type !== 'BlockStatement' || fn.params.length !== 1) return passed;
  // exactly what lazyLinkParts writes: the follower, its adding, the check, the removal kept, the return
  const shape = ['VariableDeclaration', 'ExpressionStatement', 'IfStatement', 'ExpressionStatement', 'ReturnStatement'];
  if (fn.body.body.length !== shape.length || fn.body.body.some((statement: any, index: number) => statement.type !== shape[index])) return passed;
  if (propertyName(unwrap(unwrap(fn.body.body[1].expression)?.callee)) !== 'addEventListener') return passed;
  const last = fn.body.body.at(-1);
  const returned = last?.type === 'ReturnStatement' ? unwrap(last.argument) : undefined;
  return returned?.type === 'MemberExpression' && propertyName(returned) === 'signal' ? returned : passed;
}

// `c.signal` (or `c`) of a local `const c = new AbortController()` that the race aborts whether it
// fulfils or rejects (in .finally() on it, or a finally around it)
function abortedOnSettle(facts: Facts, race: any, passed: any, kind: 'signal' | 'controller'): boolean {
  let controller = unwrap(passed);
  if (kind === 'signal') {
    if (!(controller?.type === 'MemberExpression' && propertyName(controller) === 'signal' && !controller.computed)) return false;
    controller = unwrap(controller.object);
  }
  if (controller?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(controller);
  const init = unwrap(binding?.declaration?.init);
  if (!binding || binding.kind !== 'const' || init?.type !== 'NewExpression' || !facts.resolver.is(init.callee, 'AbortController')) return false;
  // this race's own controller: made in the same function, and in the same turn of any loop around
  // the race (a controller that outlives one race is aborted before the next one starts)
  const { tree } = facts;
  const loopOf = (node: any) => [...tree.ancestors(node)].find((ancestor: any) => isLoop(ancestor) || isFunction(ancestor));
  if (tree.functionOf(binding.declaration) !== tree.functionOf(race) || tree.functionOf(race) === undefined || loopOf(binding.declaration) !== loopOf(race)) return false;
  // used for this signal and its aborts alone (one when the race settles, one that follows another
  // signal's abort, as a linked signal has)
  const uses = binding.references.filter((reference) => reference.node !== binding.id);
  const aborts = uses.filter((reference) => propertyName(tree.parent(reference.node)) === 'abort');
  if (aborts.length === 0 || aborts.length > 2 || uses.length !== aborts.length + 1 || !uses.some((reference) => tree.isInside(reference.node, passed))) return false;
  return binding.references.some((reference) => {
    const member = facts.tree.parent(reference.node);
    const call = member && facts.tree.parent(member);
    if (!(member?.type === 'MemberExpression' && member.object === reference.node && propertyName(member) === 'abort' && call?.type === 'CallExpression' && call.callee === member)) return false;
    const covered = coverageOf(facts.tree, race, call);
    return (covered.has('fulfilled') && covered.has('rejected')) || abortsWhenWorkSettles(facts, race, passed, call);
  });
}

// `Promise.race([work().finally(() => c.abort()), sleep(ms, v, { signal: c.signal })])`: the one
// other arm aborts the signal in a `.finally()` of its own chain, so whichever arm wins, the timer
// is released (spent, or aborted once the work settles).
function abortsWhenWorkSettles(facts: Facts, race: any, passed: any, abort: any): boolean {
  const { tree } = facts;
  const list = unwrap(race.arguments[0]);
  if (list?.type !== 'ArrayExpression' || list.elements.length !== 2 || list.elements.some((element: any) => !element || element.type === 'SpreadElement')) return false;
  const work = list.elements.find((element: any) => !tree.isInside(passed, element));
  const callback = tree.functionOf(abort);
  const finallyCall = callback && tree.parent(callback);
  if (!work || !isFunction(callback) || finallyCall?.type !== 'CallExpression' || finallyCall.arguments[0] !== callback || propertyName(unwrap(finallyCall.callee)) !== 'finally') return false;
  if (!runsOnEveryPathOf(tree, callback, abort)) return false;
  // the .finally() is a link of the work arm's own chain, up to the arm itself (a `.catch()` after it is fine)
  let node = finallyCall;
  while (node !== work) {
    const parent = tree.parent(node);
    if (parent?.type === 'MemberExpression' && parent.object === node) {
      const call = tree.parent(parent);
      if (call?.type !== 'CallExpression' || call.callee !== parent) return false;
      node = call;
    } else if (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(parent?.type)) node = parent;
    else return false;
  }
  return true;
}

// A sleep of node:timers/promises: the value of the `signal` its options carry (`{ signal }`
// shorthand too), 'other' for options this cannot read (not an object literal, a spread), or 'none'.
function sleepSignal(call: any): any | 'other' | 'none' {
  // `sleep(...args)`: where the options go is not known
  if (call.arguments.some((argument: any) => argument.type === 'SpreadElement')) return 'other';
  // `{ ref: false } satisfies Options` (or `as`): a signal added inside would not be of that type
  if (['TSSatisfiesExpression', 'TSAsExpression', 'TSTypeAssertion'].includes(call.arguments[2]?.type)) return 'other';
  const options = unwrap(call.arguments[2]);
  if (!options) return 'none';
  if (options.type !== 'ObjectExpression') return 'other';
  if (options.properties.some((property: any) => property.type === 'SpreadElement')) return 'other';
  const signal = options.properties.find((property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && (property.key.name ?? property.key.value) === 'signal');
  return signal ? signal.value : 'none';
}

// `delay(ms)` with a sleep helper of this file or another (`const delay = (ms) => new Promise((r) =>
// setTimeout(r, ms))`): the race gets the helper's timer inline, with a handle (./model/inline.ts).
function planInlineHelper(facts: Facts, site: RaceSite, helper: Extract<TimerArm, { kind: 'helper' }>, options: Readonly<Record<string, unknown>>): TimerPlan | Result {
  const home = helper.home ?? facts;
  // a helper of another file that a test replaces (`jest.mock('./utils')`, `sinon.stub(utils,
  // 'delay')`): inlined, the race would no longer call it, and escape the replacement
  if (home !== facts) {
    const names = [...new Set([helper.name, helper.fn.id?.name, helper.binding?.imported?.imported].filter((name): name is string => typeof name === 'string' && /^[\w$]+$/.test(name) && name !== 'default'))];
    // the helper's file, and the module the race imports it through (`./utils/index.js` re-exporting it)
    const source = helper.binding?.imported?.source ?? (helper.binding ? requiredImport(facts.scopes, helper.binding)?.source : undefined);
    const through = source === undefined ? undefined : (facts.modules?.resolve(facts.path, source) ?? facts.modules?.resolveRequire(facts.path, source));
    const replaced = facts.modules?.replacedElsewhere(through && through !== home.path ? [home.path, through] : [home.path], names);
    if (replaced) return helperRefusal(facts, site, { ...helper, home }, `another file replaces it (${replaced}), which a race that no longer calls it would escape`, options);
  }
  const plan = planInline(facts, site.node, helper.call, helper.fn, home);
  if (typeof plan === 'string') return helperRefusal(facts, site, { ...helper, home }, plan, options);
  const clear = clearSpelling(facts, plan.timer, site.node);
  if (!clear.ok) return refuse('shadowed', site.node, { name: clear.name });
  return { kind: 'inline-helper', call: helper.call, helper, inline: plan, clear: clear.spelling, typeQuery: timerTypeQuery(facts, plan.timer) };
}

// A helper whose timer the race cannot take out of it (`reason`): when the helper itself can take a
// signal (./model/upgrade.ts), a run that may change its file does so and this race then passes one;
// a run that may not says so. Otherwise refused, with the reason.
function helperRefusal(facts: Facts, site: RaceSite, helper: OpaqueHelper, reason: string, options: Readonly<Record<string, unknown>>): Result {
  const where = helper.where ? ` (${helper.where})` : '';
  const calledPlainly = !helper.call.arguments.some((argument: any) => argument.type === 'SpreadElement') && helper.call.arguments.length <= helper.fn.params.length;
  // the CLI's verdict on its callers across the repository, when it has looked
  const judged = refusalsOf(options).find((refusal) => normalize(refusal.file) === normalize(helper.home.path) && refusal.at === helper.fn.start);
  const upgrade = !calledPlainly ? 'the race passes it more arguments than it takes' : judged ? judged.reason : planUpgrade(helper.home, helper.fn);
  if (typeof upgrade !== 'string' && facts.resolver.isFreeAt(site.node, 'AbortController')) {
    const exported: Record<string, string> = isExported(helper.home, helper.fn) ? { [UPGRADE_EXPORTED]: 'true' } : {};
    return refuse('helperNotCancellable', helper.call, { name: helper.name, where, reason, [UPGRADE_FILE]: helper.home.path, [UPGRADE_AT]: String(helper.fn.start), ...exported });
  }
  if (judged) return refuse('helperShape', helper.call, { name: helper.name, where, reason: `${reason}; nor is it given a signal: ${judged.reason}` });
  // why the helper itself is not changed either: the fix a person would look for next
  const kept = typeof upgrade === 'string' ? `; nor is it given a signal: ${upgrade}` : '';
  return refuse('helperShape', helper.call, { name: helper.name, where, reason: `${reason}${kept}` });
}

// Why a fetch of a work arm cannot get a signal, or 'has-signal' when it has one of its own.
function fetchRefusal(facts: Facts, site: RaceSite, call: any, timer: TimerPlan): string | 'has-signal' | undefined {
  const args = call.arguments;
  if (args.length === 0 || args.length > 2 || args.some((argument: any) => argument.type === 'SpreadElement')) return 'its arguments are not `(input, init?)`';
  const init = unwrap(args[1]);
  if (init && init.type !== 'ObjectExpression') return 'its init is not an object literal, so it may already carry a signal';
  if (init && init.properties.some((property: any) => property.type === 'SpreadElement')) return 'its init spreads another object that may carry a signal';
  if (init && init.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'signal')) return 'has-signal';
  // `const req = fetch(url); req.then(log); Promise.race([req, timer])`: aborting it would reject those other uses
  const held = site.workArms.find((work) => work.arm.role === 'work' && work.arm.fetch === call)?.declaration;
  if (held && held.otherUses > 0) return `its promise \`${held.binding.name}\` is also used outside the race, where an abort would reject it`;
  if (timer.kind !== 'executor') return timer.kind === 'sleep' ? 'a timers/promises timer has no callback to abort from after it settles the race' : 'the timer comes from a helper, with no callback to abort from after it settles the race';
  const callback = timer.arm.timer.callback;
  if (!isFunction(callback)) return 'the timer settles through `setTimeout(settle, ms, value)`, with no callback to abort from';
  // the abort goes at the end of the callback: a `return` in it would skip it
  if (returnsInCallback(facts.tree, callback)) return "the timer's callback returns before its end, where the abort would be written and never run";
  if (!facts.resolver.isFreeAt(site.node, 'AbortController')) return '`AbortController` is not the global here';
  return undefined;
}

// A fetch of a work arm that nothing aborts when the timer wins (for a site whose timer is released).
function unabortedFetch(facts: Facts, site: RaceSite): { node: any; reason: string } | undefined {
  for (const work of site.workArms) {
    if (work.arm.role !== 'work' || !work.arm.fetch) continue;
    const init = unwrap(work.arm.fetch.arguments[1]);
    const hasSignal = init?.type === 'ObjectExpression' && init.properties.some((property: any) => property.type === 'SpreadElement' || (!property.computed && (property.key?.name ?? property.key?.value) === 'signal'));
    if (!hasSignal && init?.type !== 'Identifier' && init?.type !== 'MemberExpression') return { node: work.arm.fetch, reason: 'it has no signal' };
  }
  void facts;
  return undefined;
}
