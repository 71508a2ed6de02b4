// executor-timeout: `new Promise((resolve, reject) => { setTimeout(() => reject(err), ms); work… })`.
// Safe when every settle of the work clears the timer on its way (or `.finally` on the promise
// does), and every outcome of the work settles the promise; fixable with `.finally(() =>
// clearTimeout(h))` on the promise under the preconditions below.
import { hasWrites, propertyName } from '../../analysis/resolve';
import { isFunction, unwrap } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import { isEffectFree, isFreeSettleValue } from '../../model/effects';
import { settleAfterReports } from '../../model/reports';
import { type ExecutorSite, LISTENER_METHODS } from '../../model/executor';
import type { Facts } from '../../model/facts';
import { type Placement, placementFor } from '../../model/placement';
import { clearSpelling, timerTypeQuery } from '../../model/spelling';
import { callbackEffects, returnsInCallback } from '../../model/timer';
import { inLoopOutside, runsOnEveryPathOf } from '../../model/paths';
import type { MessageId } from './messages';

export interface ExecutorPlan {
  site: ExecutorSite;
  placement: Placement;
  /** the name the handle gets: an existing `let`, the executor's const (moved out), or ours */
  handle: { kind: 'existing'; name: string } | { kind: 'moved'; name: string; declaration: any } | { kind: 'new'; declaration?: any };
  clear: string;
  typeQuery: string;
  /** TS: the `T` to write as `new Promise<T>`, when the promise took it from its context */
  typeArgument?: string;
  fetch?: any;
  /** `--settle-on-work-rejection`: the `.then(resolve)` calls to hand their rejection to `reject` */
  settleRejections: any[];
  /** the timer is released already: only the rejections are handed on */
  onlySettle?: boolean;
  /** intervals beside the timer, polling for the work: cleared first thing when the timer fires */
  intervals: string[];
  /** entries kept for the answer, each deleted when the timer fires if it is still this call's */
  entries: DeletableEntry[];
  /** the timer is released already: only the intervals are cleared and the entries deleted */
  onlyHeld?: boolean;
  /** cleared on every settle point: the statements after the timer go in a `try` whose catch clears it */
  caught?: { statements: any[] };
}

type Result = Verdict<ExecutorPlan>;

const refuse = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'refused', messageId, at, data });
const unknown = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'unknown', messageId, at, data });

function clearOnSyncThrow(options: Readonly<Record<string, unknown>>): boolean {
  const value = options['clear-on-sync-throw'] ?? options.clearOnSyncThrow;
  return value === true || value === 'true';
}

// `--no-clear-on-sync-throw`: not even the try/catch, which is the default
function noClearOnSyncThrow(options: Readonly<Record<string, unknown>>): boolean {
  const value = options['clear-on-sync-throw'] ?? options.clearOnSyncThrow;
  return value === false || value === 'false';
}

function settleOnRejection(options: Readonly<Record<string, unknown>>): boolean {
  const value = options['settle-on-work-rejection'] ?? options.settleOnWorkRejection;
  return value === true || value === 'true';
}

/** `caught`: whether a sync throw may get executor-timeout's try/catch (listener-timeout reads the timer alone) */
export function analyzeExecutor(site: ExecutorSite, { facts, options }: RuleContext, caught = true): Result | undefined {
  const newPromise = site.node;
  if (site.lookalike) return unknown(site.lookalike.foreign ? 'foreignTimer' : 'shadowed', site.lookalike.node, { name: site.lookalike.name });
  if (site.unmodelled) return unknown(site.unmodelled.reason, site.unmodelled.node, { name: site.unmodelled.name });
  if (site.timers.length > 1) return refuse('manyTimers', newPromise);
  const timer = site.timer!;
  const capture = timer.capture;
  const handleName = capture.kind === 'declared' || capture.kind === 'assigned' ? capture.binding.name : 'timer';

  // Released on every path already? Checked before any precondition of the fix.
  // Held beside the timer, and released on every path or not: a subscription nothing can end, a
  // callback kept in a registry the timer does not empty, an interval the timer does not clear.
  const held = heldFixes(facts, site);
  const heldRefusal = heldResources(facts, site, held);
  if (heldRefusal) return heldRefusal;
  const intervals = held.clearable;
  const intervalNames = intervals.map((each) => each.name);
  const entries = held.entries;
  const workClears = site.settlePoints.length > 0 && site.settlePoints.every((point) => point.cleared);
  const outerClears = site.outerClear.has('fulfilled') && site.outerClear.has('rejected');
  const rejectionGaps = site.unsettled.filter((gap) => gap.outcome === 'rejected');
  // Cleared on every settle point, but a call of the executor that throws rejects the promise past
  // them. Whether it can throw is not known here: a warning, and a fix when asked for.
  const syncThrow = workClears && !outerClears && rejectionGaps.length === 0 ? site.syncThrows[0] : undefined;
  const onlyHeld = (remarks: Remark[]): Result => {
    const plan: ExecutorPlan = { site, placement: { kind: 'statement', statement: newPromise, owner: facts.tree.functionOf(newPromise) }, handle: { kind: 'existing', name: handleName }, clear: '', typeQuery: '', settleRejections: [], intervals: intervalNames, entries, onlyHeld: true };
    if (intervals.length === 0) return { status: 'fixable', plan, remarks, messageId: 'fixedKeptEntry', data: { store: entries[0].store } };
    return { status: 'fixable', plan, remarks, messageId: 'fixedInterval', data: { name: intervalNames.join('`, `') } };
  };
  // the throw caught where it can be (it changes nothing but the timer), unless told not to
  if (caught && syncThrow && intervals.length === 0 && entries.length === 0 && !noClearOnSyncThrow(options)) {
    const caught = caughtThrowPlan(facts, site);
    if (caught) return { status: 'fixable', plan: { site, placement: { kind: 'statement', statement: newPromise, owner: facts.tree.functionOf(newPromise) }, handle: { kind: 'existing', name: handleName }, clear: caught.clear, typeQuery: '', settleRejections: [], intervals: [], entries: [], caught: { statements: caught.statements } }, messageId: 'fixedSyncThrowCaught', data: { name: handleName, call: syncThrow.type === 'NewExpression' ? facts.code(syncThrow, 40) : facts.code(syncThrow.callee, 40) } };
  }
  if (syncThrow && !clearOnSyncThrow(options)) {
    const warning: Remark = { status: 'unknown', messageId: 'syncThrowOnly', at: syncThrow, data: { name: handleName, call: syncThrow.type === 'NewExpression' ? facts.code(syncThrow, 40) : facts.code(syncThrow.callee, 40) } };
    // what the timer leaves is released all the same; the sync throw is said beside it
    if (intervals.length > 0 || entries.length > 0) return onlyHeld([warning]);
    return { ...warning, status: 'unknown' } as Result;
  }
  if ((workClears || outerClears) && !syncThrow) {
    if (rejectionGaps.length === 0 && (intervals.length > 0 || entries.length > 0)) return onlyHeld([]);
    if (rejectionGaps.length === 0) return { status: 'safe', messageId: 'alreadyCleared', at: newPromise, data: { name: handleName } };
    // the timer is released; what is left is a work rejection nothing hands to the promise
    const thens = rejectionGaps.map((gap) => onlyThenResolve(facts, site, gap.node));
    if (settleOnRejection(options) && site.reject && thens.every((then) => then !== undefined)) {
      return { status: 'fixable', plan: { site, placement: { kind: 'statement', statement: newPromise, owner: facts.tree.functionOf(newPromise) }, handle: { kind: 'existing', name: handleName }, clear: '', typeQuery: '', settleRejections: thens, onlySettle: true, intervals: intervalNames, entries } };
    }
    return { status: 'refused', messageId: 'workRejectionUnhandled', at: rejectionGaps[0].node, data: { work: facts.code(workHead(rejectionGaps[0].node), 40) } };
  }

  if (capture.kind === 'stored') return unknown('handleOnMember', capture.node, { name: capture.description });
  // settled from elsewhere: the code that calls the stored settle function may clear the timer too
  const stored = site.settlePoints.find((point) => point.stored);
  if (stored) return unknown('settledElsewhere', stored.node, { name: facts.code(stored.node, 30) });
  // a handle kept for other code: it may clear it
  const escaping = timer.uses.find((use) => use.kind === 'escape');
  if (escaping) return unknown('handleEscapes', escaping.node, { name: handleName });
  if (!site.timerStatement) return refuse('unknownTimerShape', timer.call);
  // The callback must only settle: clearing the timer after the promise settled then skips nothing.
  const busy = busyCallback(facts, site);
  if (busy) return refuse('timerSideEffects', busy);
  const clear = clearSpelling(facts, timer, newPromise);
  if (!clear.ok) return refuse('shadowed', timer.call, { name: clear.name });

  const handle = planHandle(facts, site);
  if ('status' in handle) return handle;
  const placement = placementFor(facts, newPromise);
  if (typeof placement === 'string') return refuse('unsupportedPosition', newPromise);

  let typeArgument: string | undefined;
  if (facts.typescript && !newPromise.typeParameters && !newPromise.typeArguments) {
    const contextual = contextualPromiseType(facts, newPromise);
    if (contextual === 'unknown') return refuse('untypedPromise', newPromise);
    typeArgument = contextual;
  }

  const remarks: Remark[] = [];
  const settleRejections: any[] = [];
  for (const gap of rejectionGaps) {
    const then = onlyThenResolve(facts, site, gap.node);
    if (settleOnRejection(options) && then && site.reject) settleRejections.push(then);
    else remarks.push({ status: 'refused', messageId: 'workRejectionUnhandled', at: gap.node, data: { work: facts.code(workHead(gap.node), 40) } });
  }

  const plan: ExecutorPlan = { site, placement, handle, clear: clear.spelling, typeQuery: timerTypeQuery(facts, timer), typeArgument, settleRejections, intervals: intervalNames, entries };
  const fetch = planFetch(facts, site);
  // the fetch's abort and the interval's clear would both be written into the timer's callback
  if (fetch?.call && entries.length > 0) return refuse('keptCallback', entries[0].kept.call, { store: entries[0].store });
  if (fetch?.call && intervals.length > 0) return refuse('intervalNotClearable', intervals[0].interval.call, { name: intervals[0].name, reason: "the timer's callback is to abort the fetch too, which is not done together" });
  if (fetch?.call) plan.fetch = fetch.call;
  else if (fetch?.reason) remarks.push({ status: 'refused', messageId: 'fetchNotWired', at: fetch.node, data: { reason: fetch.reason } });
  if (syncThrow) return { status: 'fixable', plan, remarks, messageId: 'fixedSyncThrow', data: { name: handleName, call: syncThrow.type === 'NewExpression' ? facts.code(syncThrow, 40) : facts.code(syncThrow.callee, 40) } };
  return { status: 'fixable', plan, remarks };
}

// The timer's callback when it does more than settle the promise (with a value that costs nothing),
// or undefined: once the promise has settled, such a callback does nothing, and clearing it skips nothing.
function busyCallback(facts: Facts, site: ExecutorSite): any | undefined {
  const timer = site.timer!;
  const effects = callbackEffects(timer.callback);
  const settles = (callee: any) => {
    const binding = facts.scopes.bindingOf(unwrap(callee));
    return binding !== undefined && (binding === site.resolve || binding === site.reject);
  };
  if (effects) {
    // log lines before the settle: the timer's report, which a cleared timer no longer writes
    const only = settleAfterReports(facts, effects);
    if (!only || !settles(only.callee) || only.arguments.length > 1 || !only.arguments.every((argument: any) => isFreeSettleValue(facts, argument))) return timer.callback;
  } else if (!settles(timer.callback) || timer.extraArguments.length > 1 || !timer.extraArguments.every(isEffectFree)) {
    return timer.callback ?? timer.call;
  }
  return undefined;
}

// A throw of the executor after it arms the timer rejects the promise past every settle point (each
// of which clears the timer): the statements after the timer's go in a `try` whose `catch` clears it
// and throws the error on. Thrown or not, the promise settles as it did, in the same turn, and
// nothing else runs. Preconditions: a plain function executor with a block body; the timer armed by
// a statement of its own there, its handle a name declared by it and never written again; the
// timer's callback only settles (once the promise has rejected, clearing it skips nothing); and
// no name the moved statements declare used outside them (the `try` block would hide it).
function caughtThrowPlan(facts: Facts, site: ExecutorSite): { statements: any[]; clear: string } | undefined {
  const { executor, timer, timerStatement } = site;
  if (!timer || !timerStatement || executor.async || executor.generator || executor.body?.type !== 'BlockStatement') return undefined;
  const index = executor.body.body.indexOf(timerStatement);
  const statements = executor.body.body.slice(index + 1);
  if (index === -1 || statements.length === 0) return undefined;
  if (timer.capture.kind !== 'declared' || hasWrites(timer.capture.binding)) return undefined;
  const start = statements[0].start;
  const end = statements[statements.length - 1].end;
  // the `try` is written in whole lines: the statements must have theirs to themselves (not the
  // timer's line, not the line of the executor's closing brace)
  if (!facts.source.ownsLines(statements[0], statements[statements.length - 1])) return undefined;
  const inside = (node: any) => node.start >= start && node.end <= end;
  if (!site.syncThrows.every(inside)) return undefined;
  for (const statement of statements) {
    // a type, an interface, an enum or a namespace: their uses are not all values this can count
    if (/^TS|^Declare/.test(statement.type)) return undefined;
    const ids =
      statement.type === 'VariableDeclaration'
        ? statement.declarations.flatMap((declarator: any) => facts.tree.within(declarator.id, 'Identifier').concat(declarator.id.type === 'Identifier' ? [declarator.id] : []))
        : (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id
          ? [statement.id]
          : [];
    for (const id of ids) {
      // (declared before as well, `function label` twice or `var tag` and `function tag`: the one
      // the code outside reads would change)
      const binding = facts.scopes.bindingOf(id);
      if (binding && binding.id !== id && !facts.tree.isInside(binding.id, statement)) return undefined;
      if (binding && binding.references.some((reference) => !inside(reference.node))) return undefined;
    }
  }
  if (busyCallback(facts, site)) return undefined;
  const clear = clearSpelling(facts, timer, site.node);
  return clear.ok ? { statements, clear: clear.spelling } : undefined;
}

// in the timer's callback, or in a function of this file it calls (`onDone()`)
function inTimerOf(facts: Facts, site: ExecutorSite): (node: any) => boolean {
  const { tree } = facts;
  const callback = site.timer?.callback;
  const called = isFunction(callback)
    ? tree
        .within(callback, 'CallExpression')
        .map((call) => facts.resolver.localFunctionOf(call.callee)?.fn)
        .filter((fn) => fn !== undefined)
    : [];
  return (node: any) => isFunction(callback) && (tree.isInside(node, callback) || called.some((fn) => tree.isInside(node, fn)));
}

function clearedByTimer(facts: Facts, interval: ExecutorSite['intervals'][number], inTimer: (node: any) => boolean): boolean {
  return (
    interval.handle?.references.some((reference: any) => {
      const call = facts.tree.parent(reference.node);
      return call?.type === 'CallExpression' && inTimer(call) && (facts.resolver.is(call.callee, 'clearInterval') || facts.resolver.is(call.callee, 'clearTimeout'));
    }) ?? false
  );
}

function deletedByTimer(facts: Facts, site: ExecutorSite, kept: ExecutorSite['keptCallbacks'][number], inTimer: (node: any) => boolean): boolean {
  return facts.tree.within(site.executor, 'CallExpression').some((call) => inTimer(call) && propertyName(unwrap(call.callee)) === 'delete' && facts.sameText(unwrap(call.callee).object, kept.store) && facts.sameText(call.arguments[0], kept.key));
}

// `fixes`: what the executor rule's fix releases (heldFixes); those are not refused, and the others
// are refused with the precondition that failed. Without it (listener-timeout), each is refused.
export function heldResources(facts: Facts, site: ExecutorSite, fixes?: HeldFixes): Result | undefined {
  const inTimer = inTimerOf(facts, site);
  if (site.droppedSubscriptions.length > 0) {
    const call = site.droppedSubscriptions[0];
    return refuse('subscriptionDropped', call, { name: facts.code(call.callee, 50) });
  }
  for (const kept of site.keptCallbacks) {
    if (fixes?.entries.some((entry) => entry.kept === kept) || deletedByTimer(facts, site, kept, inTimer)) continue;
    const reason = fixes?.keptReasons.get(kept);
    const store = facts.code(kept.store, 50);
    return reason ? refuse('keptEntryNotDeletable', kept.call, { store, reason }) : refuse('keptCallback', kept.call, { store });
  }
  for (const interval of site.intervals) {
    if (fixes?.clearable.some((each) => each.interval === interval) || clearedByTimer(facts, interval, inTimer)) continue;
    const reason = fixes?.reasons.get(interval);
    const name = interval.handle?.name ?? 'setInterval(...)';
    return reason ? refuse('intervalNotClearable', interval.call, { name, reason }) : refuse('intervalLeft', interval.call, { name });
  }
  return undefined;
}

export interface ClearableInterval {
  interval: ExecutorSite['intervals'][number];
  name: string;
}

export interface HeldFixes {
  clearable: ClearableInterval[];
  reasons: Map<ExecutorSite['intervals'][number], string>;
  entries: DeletableEntry[];
  keptReasons: Map<ExecutorSite['keptCallbacks'][number], string>;
}

export interface DeletableEntry {
  kept: ExecutorSite['keptCallbacks'][number];
  store: string;
  key: string;
  callback: string;
}

/** what the timer's callback can release of what the executor holds beside it */
export function heldFixes(facts: Facts, site: ExecutorSite): HeldFixes {
  const kept = deletableEntries(facts, site);
  return { ...clearableIntervals(facts, site), entries: kept.entries, keptReasons: kept.reasons };
}

// `const callback = (v) => { clearTimeout(t); resolve(v); pending.delete(key) }; pending.set(key, callback)`:
// the settling callback kept for the answer, which deletes its own entry when it comes. When the
// timer wins, the entry stays. The fix deletes it first thing in the timer's callback, if it is still
// this call's (`if (pending.get(key) === callback)`: a later call may have put its own under the key).
// Only a Map-like `set` of a const of the executor's body, whose function only clears, settles and
// deletes that entry (run late, it does nothing else, so nothing that reads the store misses it);
// a store and a key that are names never written (or `this.x` from arrows all the way), meaning the
// same in the timer's function literal.
function deletableEntries(facts: Facts, site: ExecutorSite): { entries: DeletableEntry[]; reasons: Map<ExecutorSite['keptCallbacks'][number], string> } {
  const { tree, resolver, scopes } = facts;
  const timer = site.timer;
  const callback = timer?.callback;
  const entries: DeletableEntry[] = [];
  const reasons = new Map<ExecutorSite['keptCallbacks'][number], string>();
  if (!timer || !site.timerStatement || !isFunction(callback) || callback.async || callback.generator) {
    for (const kept of site.keptCallbacks) reasons.set(kept, "the timer's callback is not a function it could be deleted in");
    return { entries, reasons };
  }
  if (!settlesOnEveryPath(facts, site, callback)) {
    for (const kept of site.keptCallbacks) reasons.set(kept, "the timer's callback does not settle the promise on every path, and deleted there the entry would be gone for an answer that still settles it");
    return { entries, reasons };
  }
  const callbackScope = resolver.scopeAt(callback.body);
  const inTimer = inTimerOf(facts, site);
  const body = site.executor.body;
  const timerIndex = body?.type === 'BlockStatement' ? body.body.indexOf(site.timerStatement) : -1;
  for (const kept of site.keptCallbacks) {
    const call = kept.call;
    if (propertyName(unwrap(call.callee)) !== 'set' || call.arguments.length !== 2) continue;
    if (deletedByTimer(facts, site, kept, inTimer)) continue;
    const reason = entryProblem(facts, site, kept, callback, callbackScope, timerIndex);
    if (typeof reason === 'string') reasons.set(kept, reason);
    else entries.push(reason);
  }
  return { entries, reasons };
}

// `reject(err)` (or resolve) in the timer's callback that runs whenever it runs: no test or return
// before it may keep it from settling
function settlesOnEveryPath(facts: Facts, site: ExecutorSite, callback: any): boolean {
  return [...facts.tree.within(callback, 'CallExpression')].some((call) => {
    const settle = facts.scopes.bindingOf(unwrap(call.callee));
    return settle !== undefined && (settle === site.resolve || settle === site.reject) && runsOnEveryPathOf(facts.tree, callback, call);
  });
}

// Why the timer cannot delete the kept entry, or the entry to delete.
function entryProblem(facts: Facts, site: ExecutorSite, kept: ExecutorSite['keptCallbacks'][number], callback: any, callbackScope: any, timerIndex: number): DeletableEntry | string {
  const { tree, resolver, scopes } = facts;
  const call = kept.call;
  const value = unwrap(call.arguments[1]);
  const local = value?.type === 'Identifier' ? resolver.localFunctionOf(value) : undefined;
  if (!local || local.binding.kind !== 'const' || local.binding.declaration?.type !== 'VariableDeclarator') return 'what is kept is not a const function of the executor';
  // declared in the executor's body, before the timer or right after it: never met uninitialised
  const body = site.executor.body;
  const index = body?.type === 'BlockStatement' ? body.body.indexOf(tree.parent(local.binding.declaration)) : -1;
  if (index < 0 || index > timerIndex + 1) return 'the kept function is not declared in the executor before the timer or right after it';
  if (scopes.lookupFrom(callbackScope, local.binding.name) !== local.binding) return `\`${local.binding.name}\` means something else in the timer's callback`;
  if (!namesTheSame(facts, kept.store, call, callback, site.timerStatement) || !namesTheSame(facts, kept.key, call, callback, site.timerStatement)) return "the registry or the key is not a name set before the timer is armed, never changed, and meaning the same in the timer's callback";
  const store = facts.textOf(unwrap(kept.store));
  if (!isMapStore(facts, kept.store, call)) return `\`${store}\` is not known to be a Map`;
  // the kept function only clears, settles, and deletes its own entry
  const fn = local.fn;
  if (fn.async || fn.generator || fn.body.type !== 'BlockStatement') return 'the kept function does more than clear the timer, settle and delete its entry';
  let deletesItself = false;
  const only = fn.body.body.every((statement: any) => {
    const effect = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
    if (effect?.type !== 'CallExpression') return false;
    const callee = unwrap(effect.callee);
    const settle = scopes.bindingOf(callee);
    if (settle !== undefined && (settle === site.resolve || settle === site.reject)) return effect.arguments.every(isEffectFree);
    if (resolver.is(callee, 'clearTimeout')) return true;
    if (propertyName(callee) === 'delete' && facts.sameText(callee.object, kept.store) && facts.sameText(effect.arguments[0], kept.key) && effect.arguments.length === 1) {
      deletesItself = true;
      return true;
    }
    return false;
  });
  if (!only || !deletesItself) return 'the kept function does more than clear the timer, settle and delete its entry';
  const unguarded = unguardedRead(facts, kept.store);
  if (unguarded) return unguarded;
  return { kept, store, key: facts.textOf(unwrap(kept.key)), callback: local.binding.name };
}

// `new Map()` / `new WeakMap()` held by the store: a const's initialiser, or for `this.x` a field of
// the enclosing class set to one or typed as one.
function isMapStore(facts: Facts, node: any, at: any): boolean {
  const store = unwrap(node);
  const isMapType = (name: string | undefined) => name === 'Map' || name === 'WeakMap';
  const isNewMap = (init: any) => unwrap(init)?.type === 'NewExpression' && unwrap(init).callee.type === 'Identifier' && isMapType(unwrap(init).callee.name) && facts.resolver.isFreeAt(unwrap(init), unwrap(init).callee.name);
  if (store?.type === 'Identifier') {
    const binding = facts.scopes.bindingOf(store);
    return binding?.kind === 'const' && binding.declaration?.type === 'VariableDeclarator' && isNewMap(binding.declaration.init);
  }
  if (store?.type !== 'MemberExpression' || store.computed || unwrap(store.object)?.type !== 'ThisExpression') return false;
  const name = propertyName(store);
  const classBody = [...facts.tree.ancestors(at)].find((ancestor: any) => ancestor.type === 'ClassBody');
  const field = classBody?.body.find((member: any) => ['ClassProperty', 'PropertyDefinition'].includes(member.type) && !member.static && !member.computed && (member.key?.name ?? member.key?.value) === name);
  if (!field) return false;
  const annotation = field.typeAnnotation?.typeAnnotation;
  return isNewMap(field.value) || (annotation?.type === 'TSTypeReference' && isMapType(annotation.typeName?.name));
}

// Every use of the registry in the file is `get`, `set`, `delete` or `size`, and what `get` gives is checked
// before it is called (`store.get(k)?.(v)`, or `const cb = store.get(k); if (cb) cb(v)`): a reader
// then finds no entry as it found a stale one, and does nothing with either. The problem, otherwise.
function unguardedRead(facts: Facts, node: any): string | undefined {
  const { tree, scopes } = facts;
  const store = facts.textOf(unwrap(node));
  const root = unwrap(node);
  const binding = root?.type === 'Identifier' ? scopes.bindingOf(root) : undefined;
  const uses = binding ? binding.references.map((reference) => reference.node).filter((use: any) => use !== binding.id) : tree.ofType('MemberExpression').filter((candidate: any) => facts.textOf(candidate) === store);
  for (const use of uses) {
    const member = tree.parent(use);
    const method = member?.type === 'MemberExpression' && member.object === use ? propertyName(member) : undefined;
    const call = method ? tree.parent(member) : undefined;
    // `size` counts the entries: what it reads less of is the leak itself
    if (method === 'size' && !(call?.type === 'CallExpression' && call.callee === member)) continue;
    if (!method || !['get', 'set', 'delete'].includes(method) || call?.type !== 'CallExpression' || call.callee !== member) return `\`${store}\` is used for more than get, set and delete (line ${facts.source.positionAt(use.start).line})`;
    if (method !== 'get') continue;
    const parent = tree.parent(call);
    // `store.get(k)?.(v)`, `store.get(k)?.x`
    if ((parent?.type === 'OptionalCallExpression' || parent?.type === 'OptionalMemberExpression') && parent.optional && (parent.callee === call || parent.object === call)) continue;
    // `const cb = store.get(k)`, every use of `cb` under `if (cb)`
    if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier') {
      const binding = scopes.bindingOf(parent.id);
      const guarded = binding !== undefined && binding.kind === 'const' && binding.references.every((reference) => reference.node === parent.id || [...tree.ancestors(reference.node)].some((ancestor: any) => ancestor.type === 'IfStatement' && !ancestor.alternate && unwrap(ancestor.test)?.type === 'Identifier' && scopes.bindingOf(unwrap(ancestor.test)) === binding && (unwrap(ancestor.test) === reference.node || tree.isInside(reference.node, ancestor.consequent))));
      if (guarded) continue;
    }
    return `a read of it, \`${facts.code(call, 40)}\` at line ${facts.source.positionAt(call.start).line}, does not check for a missing entry`;
  }
  return undefined;
}

// A name never written, or a chain of plain property reads from one (or from `this` when every
// function from `from` to `callback` is an arrow), that means the same where `callback` reads it.
function namesTheSame(facts: Facts, node: any, from: any, callback: any, timerStatement: any): boolean {
  let root = unwrap(node);
  while (root?.type === 'MemberExpression' && !root.computed) root = unwrap(root.object);
  if (root?.type === 'ThisExpression') {
    if (root === unwrap(node)) return false;
    const home = facts.tree.functionOf(from);
    for (let fn = callback; fn !== home; fn = facts.tree.functionOf(fn)) if (!fn || fn.type !== 'ArrowFunctionExpression') return false;
    return true;
  }
  if (root?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(root);
  if (!binding || hasWrites(binding)) return false;
  // initialised before the timer is armed (a parameter, a name of an outer function, or declared
  // before it), so the timer's callback never meets it uninitialised
  const home = facts.tree.functionOf(from);
  const declaredInside = binding.kind !== 'param' && facts.tree.isInside(binding.id, home);
  if (declaredInside && binding.id.start >= timerStatement.start) return false;
  return facts.scopes.lookupFrom(facts.resolver.scopeAt(callback.body), root.name) === binding;
}

// `const poll = setInterval(() => { if (ready) { clearInterval(poll); clearTimeout(timer); resolve(v) } }, ms)`
// beside the timer: the interval is the work, polling until it settles the promise and ends itself.
// When the timer wins it polls on; the fix clears it first thing in the timer's callback. Only an
// interval of the global setInterval, held by a const of the executor's body that is never written,
// declared before the timer or right after it (the callback, which runs later, then never meets
// the const uninitialised), whose own callback settles the promise and clears the interval; a timer
// whose callback is a function literal in which the const's name means the interval.
function clearableIntervals(facts: Facts, site: ExecutorSite): { clearable: ClearableInterval[]; reasons: Map<ExecutorSite['intervals'][number], string> } {
  const { tree, resolver, scopes } = facts;
  const timer = site.timer;
  const statement = site.timerStatement;
  const clearable: ClearableInterval[] = [];
  const reasons = new Map<ExecutorSite['intervals'][number], string>();
  const body = site.executor.body;
  const callback = timer?.callback;
  const callbackReason = !timer || !statement || body?.type !== 'BlockStatement' ? 'the timer is not a statement of the executor' : !isFunction(callback) || callback.async || callback.generator ? "the timer's callback is not a function it could be cleared in" : undefined;
  const cannotCut = callbackReason ?? (settlesOnEveryPath(facts, site, callback) ? undefined : "the timer's callback does not settle the promise on every path, and cleared there the poll could no longer settle it");
  if (cannotCut) {
    for (const interval of site.intervals) reasons.set(interval, cannotCut);
    return { clearable, reasons };
  }
  const callbackScope = resolver.scopeAt(callback.body);
  const timerIndex = body.body.indexOf(statement);
  const inTimer = inTimerOf(facts, site);
  for (const interval of site.intervals) {
    if (clearedByTimer(facts, interval, inTimer)) continue;
    const binding = interval.handle;
    // not held at all: nothing could clear it (intervalLeft says so)
    if (!binding) continue;
    const holder = tree.parent(interval.call);
    const declaration = holder?.type === 'VariableDeclarator' ? tree.parent(holder) : undefined;
    const index = declaration ? body.body.indexOf(declaration) : -1;
    const poll = unwrap(interval.call.arguments[0]);
    const calls = isFunction(poll) ? tree.within(poll, 'CallExpression') : [];
    const endsItself = calls.some((call) => (resolver.is(call.callee, 'clearInterval') || resolver.is(call.callee, 'clearTimeout')) && unwrap(call.arguments[0])?.type === 'Identifier' && scopes.bindingOf(unwrap(call.arguments[0])) === binding);
    const isSettle = (call: any) => {
      const settle = scopes.bindingOf(unwrap(call.callee));
      return settle !== undefined && (settle === site.resolve || settle === site.reject);
    };
    const settles = calls.some(isSettle);
    // run late, once the timer has settled, the poll must do nothing but check, clear and settle:
    // cleared, whatever else it does (`cache.set(…)`) would stop
    // (calls in its tests are its check: `if (commands(…).length)` reads; a call as a statement acts)
    // (a log line, `log.info(…)`, `console.debug(…)`, is what an uncleared poll repeats for good:
    // stopping it is the leak's own end)
    const logs = (call: any) => {
      const callee = unwrap(call.callee);
      const object = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
      return object?.type === 'Identifier' && /^(?:console|log|logger|debug)$/.test(object.name) && /^(?:log|info|debug|trace|warn|error)$/.test(propertyName(callee) ?? '');
    };
    const busy = calls.find((call) => tree.parent(call)?.type === 'ExpressionStatement' && !isSettle(call) && !logs(call) && !resolver.is(call.callee, 'clearInterval') && !resolver.is(call.callee, 'clearTimeout'));
    // right after the timer, the interval's own arguments must not throw before its const is set
    const cannotThrow = (argument: any) => {
      const value = unwrap(argument);
      if (value?.type === 'NumericLiteral' || (value?.type === 'Literal' && typeof value.value === 'number') || isFunction(value)) return true;
      const named = value?.type === 'Identifier' ? scopes.bindingOf(value) : undefined;
      return named !== undefined && (named.kind === 'param' || named.id.start < statement.start);
    };
    const reason =
      binding.kind !== 'const' || binding.declaration !== holder || declaration?.declarations.length !== 1 || index < 0 ? 'it is not held by a const of its own in a statement of the executor\'s body'
      : resolver.builtinOf(interval.call.callee)?.via.kind !== 'global' ? 'it is not armed by the global setInterval'
      : index > timerIndex + 1 ? "its const is declared after code that follows the timer: if that code throws, the timer's callback would meet the const uninitialised"
      : index === timerIndex + 1 && !interval.call.arguments.every(cannotThrow) ? "its setInterval call, right after the timer, has arguments that may throw before its const is set: the timer's callback would then meet it uninitialised"
      : scopes.lookupFrom(callbackScope, binding.name) !== binding ? `\`${binding.name}\` means something else in the timer's callback`
      : scopes.lookupFrom(callbackScope, 'clearInterval') !== undefined ? "`clearInterval` is not the global in the timer's callback"
      : !endsItself || !settles ? 'it does not settle the promise and clear itself, so it is not a poll for the work'
      : busy ? `its poll does more than check, clear and settle (\`${facts.code(busy, 40)}\`), which cleared it would no longer do`
      : undefined;
    if (reason) reasons.set(interval, reason);
    else clearable.push({ interval, name: binding.name });
  }
  return { clearable, reasons };
}

function workHead(node: any): any {
  let head = unwrap(node);
  while (head?.type === 'CallExpression' && ['then', 'catch', 'finally'].includes(propertyName(head.callee) ?? '')) head = unwrap(head.callee.object);
  return head;
}

// `work.then(resolve)` as the whole statement: the call to give a rejection handler
function onlyThenResolve(facts: Facts, site: ExecutorSite, node: any): any | undefined {
  const call = unwrap(node);
  if (call?.type !== 'CallExpression' || propertyName(call.callee) !== 'then' || call.arguments.length !== 1) return undefined;
  const handler = unwrap(call.arguments[0]);
  return handler?.type === 'Identifier' && facts.scopes.bindingOf(handler) === site.resolve ? call : undefined;
}

// Which handle the fix clears: the executor's own const (moved out, under our name or its own when
// the executor clears it too), a `let` of the enclosing function the code assigns, or a new one.
function planHandle(facts: Facts, site: ExecutorSite): ExecutorPlan['handle'] | Result {
  const timer = site.timer!;
  const capture = timer.capture;
  const newPromise = site.node;
  if (capture.kind === 'none') return { kind: 'new' };
  if (capture.kind === 'stored') return unknown('handleOnMember', capture.node, { name: capture.description });
  const binding = capture.binding;
  const name = binding.name;
  if (capture.kind === 'declared') {
    if (capture.statement.declarations.length !== 1 || capture.statement.kind === 'var') return unknown('handleEscapes', capture.statement, { name });
    // `const timer = setTimeout(…) as unknown as number`: the `let` moved out would take setTimeout's type, not the cast's
    const value = capture.statement.declarations[0].init;
    if (value && value !== timer.call && ['TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(value.type)) return refuse('handleCast', value, { name, type: facts.code(value.typeAnnotation ?? value, 40) });
    const uses = timer.uses;
    if (uses.length === 0) return { kind: 'new', declaration: capture.statement };
    const other = uses.find((use) => use.kind !== 'clear' && use.kind !== 'guard' && use.kind !== 'unref');
    if (other) return unknown('handleEscapes', other.node, { name });
    // the clears inside stay; the handle moves out under its own name, which must be free out there
    const owner = facts.tree.functionOf(newPromise);
    const takenOutside =
      facts.scopes.lookupFrom(facts.resolver.scopeAt(newPromise), name) !== undefined ||
      facts.tree.within(owner, 'Identifier').some((identifier) => identifier.name === name && !facts.tree.isInside(identifier, site.executor));
    if (takenOutside) return refuse('handleNameTaken', capture.statement, { name });
    // `const timer = …` as an executor's const is in its temporal dead zone above: a handler added
    // before it, run by a call before the timer (`emitter.start()` emitting at once), throws there
    // today, and the promise rejects with that error; a `let` moved out would let it run
    const early = uses.find((use) => use.node.start < capture.statement.start);
    if (early) {
      const statements = site.executor.body.type === 'BlockStatement' ? site.executor.body.body : [];
      const from = statements.findIndex((statement: any) => facts.tree.isInside(early.node, statement));
      const to = statements.findIndex((statement: any) => facts.tree.isInside(capture.statement, statement));
      const runs = (from < 0 || to < 0 ? [] : statements.slice(from, to))
        .flatMap((statement: any) => [...facts.tree.within(statement, 'CallExpression'), ...facts.tree.within(statement, 'OptionalCallExpression'), ...facts.tree.within(statement, 'NewExpression')])
        .filter((call: any) => facts.tree.functionOf(call) === site.executor && LISTENER_METHODS[propertyName(unwrap(call.callee)) ?? ''] === undefined)
        .sort((a: any, b: any) => a.start - b.start)[0];
      if (runs || from < 0 || to < 0) return refuse('handleReadEarly', runs ?? early.node, { name, call: facts.code(runs ?? early.node, 40) });
    }
    return { kind: 'moved', name, declaration: capture.statement };
  }
  // `h = setTimeout(...)` with `let h` of the enclosing function
  const declarator = binding.declaration;
  const assignment = capture.assignment;
  if ((binding.kind !== 'let' && binding.kind !== 'var') || declarator?.type !== 'VariableDeclarator' || facts.tree.functionOf(declarator) !== facts.tree.functionOf(newPromise)) {
    return unknown('handleShared', assignment, { name });
  }
  const init = unwrap(declarator.init);
  if (init && !(init.type === 'NullLiteral' || (init.type === 'Identifier' && init.name === 'undefined') || (init.type === 'Literal' && init.value === null))) return unknown('handleEscapes', declarator, { name });
  // declared outside a loop that makes a promise each run, not awaited there: a `.finally()` would
  // clear the handle of a later run, whose promise then never settles
  if (facts.tree.parent(newPromise)?.type !== 'AwaitExpression' && inLoopOutside(facts.tree, newPromise, declarator)) return unknown('handleShared', assignment, { name });
  for (const use of timer.uses) {
    // `h = null` after the promise is made, before it settles: a `.finally()` would clear null
    if (use.kind === 'reset' && !facts.tree.isInside(use.node, site.executor) && use.node.start > newPromise.start) return unknown('handleEscapes', use.node, { name });
    if (use.kind === 'clear' || use.kind === 'guard' || use.kind === 'unref' || use.kind === 'reset') continue;
    if (use.kind === 'rearm') return unknown('handleShared', use.node, { name });
    return unknown('handleEscapes', use.node, { name });
  }
  return { kind: 'existing', name };
}

// Where an untyped TS `new Promise(...)` gets its value type: `T` of a `Promise<T>` annotation on the
// function it is returned from or the variable it initialises; undefined where nothing types it
// (`await new Promise(...)` into an unannotated const: `unknown` before and after); 'unknown' elsewhere.
function contextualPromiseType(facts: Facts, newPromise: any): string | undefined | 'unknown' {
  const { tree } = facts;
  const parent = tree.parent(newPromise);
  const promiseArgument = (annotation: any): string | 'unknown' => {
    const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined;
    if (type?.type !== 'TSTypeReference' || type.typeName?.type !== 'Identifier' || type.typeName.name !== 'Promise') return 'unknown';
    const params = (type.typeParameters ?? type.typeArguments)?.params;
    return params?.length === 1 ? facts.textOf(params[0]) : 'unknown';
  };
  if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === newPromise)) {
    const fn = parent.type === 'ReturnStatement' ? tree.functionOf(newPromise) : parent;
    if (fn?.returnType) return promiseArgument(fn.returnType);
    // an object literal's method may take its type from the object's (`const s: Searcher = { find() {…} }`)
    return ['FunctionDeclaration', 'ClassMethod', 'ClassPrivateMethod'].includes(fn?.type) ? undefined : 'unknown';
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === newPromise) return parent.id.typeAnnotation ? promiseArgument(parent.id.typeAnnotation) : undefined;
  if (parent?.type === 'ExpressionStatement') return undefined;
  if (parent?.type === 'AwaitExpression') {
    const holder = tree.parent(parent);
    if (holder?.type === 'ExpressionStatement') return undefined;
    if (holder?.type === 'VariableDeclarator' && !holder.id.typeAnnotation) return undefined;
  }
  return 'unknown';
}

// A `fetch` in the work is aborted once the timer has settled the promise, but only when its
// rejection then goes straight to `reject` (a no-op by then): anything else would run on an abort.
function planFetch(facts: Facts, site: ExecutorSite): { call?: any; node?: any; reason?: string } | undefined {
  const { tree, resolver } = facts;
  const calls = site.work.flatMap((statement) => tree.within(statement, 'CallExpression').filter((call) => resolver.is(call.callee, 'fetch')));
  if (calls.length === 0) return undefined;
  const refuse = (node: any, reason: string) => ({ node, reason });
  if (calls.length > 1) return refuse(calls[1], 'the executor starts more than one fetch');
  const call = calls[0];
  if (call.arguments.length === 0 || call.arguments.length > 2 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) return refuse(call, 'its arguments are not `(input, init?)`');
  const init = unwrap(call.arguments[1]);
  if (init && init.type !== 'ObjectExpression') return refuse(call, 'its init is not an object literal, so it may already carry a signal');
  if (init?.properties.some((property: any) => property.type === 'SpreadElement')) return refuse(call, 'its init spreads another object that may carry a signal');
  if (init?.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'signal')) return undefined;
  // the abort goes at the end of the timer's callback: a `return` in it would skip it
  if (site.timer && returnsInCallback(tree, site.timer.callback)) return refuse(call, "the timer's callback returns before its end, where the abort would be written and never run");
  const step = effectfulStep(facts, site, call);
  if (step) return refuse(call, `a step of its chain, \`${facts.code(step, 40)}\`, does more than read the response: an abort would skip it, or cut a body the promise already follows`);
  if (!rejectsOnlyThroughReject(facts, site, call)) return refuse(call, 'its rejection is not handed straight to `reject`, so an abort would run other code or go unhandled');
  if (!isFunction(site.timer!.callback)) return refuse(call, 'the timer settles through `setTimeout(settle, ms, value)`, with no callback to abort from');
  if (!resolver.isFreeAt(site.node, 'AbortController')) return refuse(call, '`AbortController` is not the global here');
  return { call };
}

// `reject`, `(error) => reject(error)`, `(error) => { reject(error); }`: hands a rejection to the promise and does nothing else.
function isRejectForwarder(facts: Facts, site: ExecutorSite, node: any): boolean {
  return isSettleForwarder(facts, site.reject, node);
}

// `settle`, `(x) => settle(x)`, `(x) => { settle(x); }` for `resolve` or `reject`: hands its one
// argument to the promise and does nothing else
function isSettleForwarder(facts: Facts, settle: ExecutorSite['resolve'], node: any): boolean {
  const isSettle = (candidate: any) => unwrap(candidate)?.type === 'Identifier' && settle !== undefined && facts.scopes.bindingOf(unwrap(candidate)) === settle;
  if (isSettle(node)) return true;
  if (!isFunction(node) || node.async || node.params.length !== 1 || node.params[0].type !== 'Identifier') return false;
  const body = node.body.type === 'BlockStatement' ? (node.body.body.length === 1 && node.body.body[0].type === 'ExpressionStatement' ? node.body.body[0].expression : undefined) : node.body;
  const call = unwrap(body);
  return call?.type === 'CallExpression' && isSettle(call.callee) && call.arguments.length === 1 && unwrap(call.arguments[0])?.type === 'Identifier' && unwrap(call.arguments[0]).name === node.params[0].name;
}

// The first fulfilment handler of the fetch's chain that an abort must not skip: neither a reading
// step nor a forwarder to `resolve`
function effectfulStep(facts: Facts, site: ExecutorSite, fetchCall: any): any | undefined {
  const { tree } = facts;
  for (let chain = fetchCall; ; ) {
    const member = tree.parent(chain);
    const call = member && tree.parent(member);
    if (member?.type !== 'MemberExpression' || member.object !== chain || call?.type !== 'CallExpression' || call.callee !== member) return undefined;
    if (propertyName(member) === 'then' && call.arguments[0] && !isReadingStep(call.arguments[0]) && !isResolveForwarder(facts, site, call.arguments[0])) return call.arguments[0];
    chain = call;
  }
}

// `resolve`, `(value) => resolve(value)`: hands the value to the promise and does nothing else
function isResolveForwarder(facts: Facts, site: ExecutorSite, node: any): boolean {
  return isSettleForwarder(facts, site.resolve, node);
}

// `(response) => response.json()` (or text, arrayBuffer, blob, formData), or an arrow giving back a
// value that runs no code: a step that only reads what the fetch gave
function isReadingStep(node: any): boolean {
  if (node?.type !== 'ArrowFunctionExpression' || node.async || node.params.length !== 1 || node.params[0].type !== 'Identifier' || node.body.type === 'BlockStatement') return false;
  const body = unwrap(node.body);
  if (isEffectFree(body)) return true;
  const callee = body?.type === 'CallExpression' ? unwrap(body.callee) : undefined;
  return callee?.type === 'MemberExpression' && !callee.computed && unwrap(callee.object)?.type === 'Identifier' && unwrap(callee.object).name === node.params[0].name && ['json', 'text', 'arrayBuffer', 'blob', 'formData'].includes(callee.property.name) && body.arguments.length === 0;
}

function rejectsOnlyThroughReject(facts: Facts, site: ExecutorSite, fetchCall: any): boolean {
  const { tree } = facts;
  const executor = site.executor;
  // fetch(...).then(f)...then(resolve, reject)  or  ....catch(reject), as one statement of the executor
  let chain = fetchCall;
  for (;;) {
    const member = tree.parent(chain);
    const call = member && tree.parent(member);
    if (member?.type !== 'MemberExpression' || member.object !== chain || call?.type !== 'CallExpression' || call.callee !== member) break;
    const method = propertyName(member);
    const args = call.arguments;
    chain = call;
    const isLast = !(tree.parent(chain)?.type === 'MemberExpression' && tree.parent(chain).object === chain);
    // a step an abort may skip: one that only reads the response (`(r) => r.json()`), or `resolve`
    // itself; not one with effects of its own (`cache.set(…)`) or `resolve(r.json())`, whose body
    // read the abort would cut after the promise followed it
    if (method === 'then' && args.length === 1 && (isReadingStep(args[0]) || isResolveForwarder(facts, site, args[0]))) continue;
    if (method === 'then' && args.length === 1) return false;
    if ((method === 'then' && args.length === 2 && isResolveForwarder(facts, site, args[0]) && isRejectForwarder(facts, site, args[1])) || (method === 'catch' && args.length === 1 && isRejectForwarder(facts, site, args[0]))) {
      const statement = tree.parent(chain);
      return isLast && statement?.type === 'ExpressionStatement' && tree.parent(statement) === executor.body;
    }
    return false;
  }
  // (async () => { try { ... await fetch(...) ... } catch (error) { reject(error); } })();
  if (tree.parent(chain)?.type !== 'AwaitExpression') return false;
  for (const ancestor of tree.ancestors(chain)) {
    if (ancestor === executor) return false;
    if (isFunction(ancestor)) return false;
    if (ancestor.type === 'TryStatement' && tree.isInside(chain, ancestor.block)) {
      const handler = ancestor.handler;
      if (!handler || ancestor.finalizer || handler.param?.type !== 'Identifier') return false;
      const only = handler.body.body.length === 1 && handler.body.body[0].type === 'ExpressionStatement' ? unwrap(handler.body.body[0].expression) : undefined;
      const isReject = only?.type === 'CallExpression' && site.reject !== undefined && facts.scopes.bindingOf(unwrap(only.callee)) === site.reject;
      if (!(isReject && only.arguments.length === 1 && unwrap(only.arguments[0])?.type === 'Identifier' && unwrap(only.arguments[0]).name === handler.param.name)) return false;
      // the try must be the function's whole body, so nothing runs after the catch
      const fn = tree.functionOf(ancestor);
      if (fn.body.type !== 'BlockStatement' || fn.body.body.length !== 1 || fn.body.body[0] !== ancestor || !fn.async) return false;
      return isImmediatelyCalledStatement(facts, fn, executor);
    }
  }
  return false;
}

// `(async () => { ... })();` (or `void (async …)()`) as a statement of the executor body.
function isImmediatelyCalledStatement(facts: Facts, fn: any, executor: any): boolean {
  const { tree } = facts;
  let current = fn;
  while (tree.parent(current)?.type === 'ParenthesizedExpression') current = tree.parent(current);
  const call = tree.parent(current);
  if (call?.type !== 'CallExpression' || call.callee !== current || call.arguments.length !== 0) return false;
  let statement = call;
  if (tree.parent(statement)?.type === 'UnaryExpression' && tree.parent(statement).operator === 'void') statement = tree.parent(statement);
  return tree.parent(statement)?.type === 'ExpressionStatement' && tree.parent(tree.parent(statement)) === executor.body;
}
