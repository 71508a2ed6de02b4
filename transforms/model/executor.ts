// A `new Promise` executor that arms a timer and settles from work (a callback, a `.then` chain, an
// awaited call, an event listener): its timer, the work's settle points with whether each clears the
// timer on its way, the work outcomes that settle nothing, and the listeners it adds.
import { propertyName } from '../analysis/resolve';
import type { Binding } from '../analysis/scope';
import { isFunction, unwrap } from '../analysis/tree';
import { timerExecutor } from './arms';
import { ITERATING_METHODS, LISTENER_ADDERS, LISTENER_REMOVERS, mayThrowBeforeCleanup, mayThrowSync } from './effects';
import type { Facts } from './facts';
import { type Coverage, chainedCall, coverageOf, isGuardedClear, mayLeaveEarly, type Outcome, OUTCOMES, runsOnEveryPathOf } from './paths';
import { followStored } from './race';
import { foreignOrShadowed, spelledSetTimeout } from './spelling';
import { type TimerFact, clearedBy, timerFact } from './timer';

export interface SettlePoint {
  /** the `resolve(...)` call, or the `resolve` passed as a value */
  node: any;
  settle: 'resolve' | 'reject';
  /** passed as a value (`.then(resolve, reject)`, `once('x', resolve)`) rather than called */
  byReference: boolean;
  /** a clear of the handle runs on the way to it */
  cleared: boolean;
  /** passed as a value into storage (a field, an object, a map entry): it may be called from anywhere */
  stored: boolean;
}

export interface Listener {
  /** `emitter.once('ready', handler)` */
  call: any;
  statement: any;
  method: string;
  target: any;
  event: any;
  handler: any;
  options: any | undefined;
}

export interface ExecutorSite {
  kind: 'executor' | 'listener';
  node: any;
  executor: any;
  resolve?: Binding;
  reject?: Binding;
  /** every platform setTimeout whose callback settles the promise */
  timers: TimerFact[];
  /** the one timer, when there is one */
  timer?: TimerFact;
  /** the executor's statement that arms it, when it arms it at the top of the executor */
  timerStatement?: any;
  /** the executor's other statements */
  work: any[];
  settlePoints: SettlePoint[];
  /** a work outcome that reaches no settle (`work.then(resolve)` and the work rejects) */
  unsettled: Array<{ node: any; outcome: Outcome }>;
  /** outcomes of the promise on which a clear runs once it has settled (`.finally` on it) */
  outerClear: Coverage;
  /** other clears of the handle */
  clears: any[];
  listeners: Listener[];
  /** listener removals already in the executor */
  removals: any[];
  /** spelled like a timeout executor, but `Promise` or `setTimeout` here is not the platform's */
  /** `foreign`: a member call (`timers.setTimeout`), not a shadowing binding */
  lookalike?: { name: string; node: any; foreign?: boolean };
  /**
   * a timeout executor this does not take apart, so never rewritten: its timer settles the promise
   * through a function of the executor (`setTimeout(() => rejectOnce(err), ms)`), or it is async
   */
  unmodelled?: { reason: 'timerThroughFunction' | 'asyncExecutor'; node: any; name: string };
  /** `target.onchange = handler`: a listener held by a property, removed by setting it to null */
  propertyListeners: Array<{ assignment: any; target: any; property: string }>;
  /** `client.onDidChange(handler)`: a subscription whose disposer (the call's value) nothing keeps */
  droppedSubscriptions: any[];
  /** `pending.set(id, callback)`: a function that settles the promise, kept for code elsewhere to call */
  keptCallbacks: Array<{ call: any; store: any; key: any }>;
  /** `const check = setInterval(…)` armed beside the timer */
  intervals: Array<{ call: any; handle?: any }>;
  /**
   * Calls of the executor's own flow, after the timer is armed, that may throw: a synchronous throw
   * rejects the promise without reaching any settle point, so the timer stays armed. Not counted:
   * resolve and reject, the timers' own calls, `.then`/`.catch`/`.finally`, listener methods, and
   * calls inside a `try` of the executor.
   */
  syncThrows: any[];
}

// (no prototype: `toString`, `constructor` and the like are not listener methods)
// each adder of effects' list with the removal a fix writes for it: `removeListener` rather than
// `off` (every Node-style emitter has it; `off` came in Node 10)
export const LISTENER_METHODS: Record<string, string> = Object.assign(
  Object.create(null),
  Object.fromEntries(LISTENER_ADDERS.map((adder) => [adder, adder === 'addEventListener' ? 'removeEventListener' : 'removeListener'])),
);

const REMOVERS = new Set<string>(LISTENER_REMOVERS);

// `new Promise(fn)`: the platform's, and look-alikes spelled `Promise` (reported, never rewritten)
export function newPromiseCalls(facts: Facts): any[] {
  return facts.tree
    .ofType('NewExpression')
    .filter((node) => node.arguments.length === 1 && isFunction(unwrap(node.arguments[0])) && (facts.resolver.is(node.callee, 'Promise') || (unwrap(node.callee)?.type === 'Identifier' && unwrap(node.callee).name === 'Promise')));
}


export function buildExecutorSite(facts: Facts, newPromise: any): ExecutorSite | undefined {
  const { tree, scopes, resolver } = facts;
  // a promise that is only a timer is an arm of the race (or the helper) that uses it
  if (timerExecutor(facts, newPromise) !== undefined) return undefined;
  const executor = unwrap(newPromise.arguments[0]);
  const params = executor.params.slice(0, 2).map((param: any) => (param.type === 'Identifier' ? scopes.bindingOf(param) : undefined));
  const [resolve, reject] = params as Array<Binding | undefined>;
  const settleBindings = [resolve, reject].filter((binding): binding is Binding => binding !== undefined);
  if (settleBindings.length === 0) return undefined;
  const usesSettle = (node: any) => settleBindings.some((binding) => binding.references.some((reference) => tree.isInside(reference.node, node)));

  const statements = executor.body.type === 'BlockStatement' ? executor.body.body : [executor.body];
  const calls = tree.within(executor.body, 'CallExpression');
  const platform = resolver.is(newPromise.callee, 'Promise');
  // an async executor, or no timer that settles the promise itself: said only when a timer settles it another way
  const settlesItself = (call: any) => resolver.is(call.callee, 'setTimeout') && call.arguments[0] && usesSettle(call.arguments[0]);
  // a look-alike timer (`clock.setTimeout`) is said as one, below
  const lookalikeTimer = calls.some((call) => spelledSetTimeout(call) && !resolver.is(call.callee, 'setTimeout') && call.arguments[0] && usesSettle(call.arguments[0]));
  const unmodelled = platform && (executor.async || (!calls.some(settlesItself) && !lookalikeTimer)) ? unmodelledTimer(facts, newPromise, executor, statements, calls, usesSettle, reject) : undefined;
  if (executor.async && !unmodelled) return undefined;
  if (unmodelled) {
    const listens = [...calls, ...tree.within(executor.body, 'OptionalCallExpression')].some((call) => LISTENER_METHODS[propertyName(unwrap(call.callee)) ?? ''] !== undefined && call.arguments.length >= 2);
    return { kind: listens ? 'listener' : 'executor', node: newPromise, executor, resolve, reject, timers: [], work: [], settlePoints: [], unsettled: [], outerClear: new Set(), clears: [], listeners: [], removals: [], unmodelled, propertyListeners: [], droppedSubscriptions: [], keptCallbacks: [], intervals: [], syncThrows: [] };
  }
  const timers = platform
    ? calls
        .filter((call) => resolver.is(call.callee, 'setTimeout') && call.arguments[0] && usesSettle(call.arguments[0]))
        .map((call) => timerFact(facts, call)!)
        .filter((fact) => fact !== undefined)
    : [];
  if (timers.length === 0) {
    // a look-alike: `Promise` or `setTimeout` bound to something else, beside work that settles
    const lookalike = calls.find((call) => spelledSetTimeout(call) && call.arguments[0] && usesSettle(call.arguments[0]));
    if (!lookalike || !statements.some((statement: any) => !tree.isInside(lookalike, statement) && usesSettle(statement))) return undefined;
    const shadowed = platform ? foreignOrShadowed(facts, lookalike) : { name: 'Promise', node: newPromise };
    const listens = [...calls, ...tree.within(executor.body, 'OptionalCallExpression')].some((call) => LISTENER_METHODS[propertyName(unwrap(call.callee)) ?? ''] !== undefined && call.arguments.length >= 2 && usesSettle(call.arguments[1]));
    return { kind: listens ? 'listener' : 'executor', node: newPromise, executor, resolve, reject, timers: [], work: [], settlePoints: [], unsettled: [], outerClear: new Set(), clears: [], listeners: [], removals: [], lookalike: shadowed, propertyListeners: [], droppedSubscriptions: [], keptCallbacks: [], intervals: [], syncThrows: [] };
  }
  const timer = timers.length === 1 ? timers[0] : undefined;
  const timerStatement = timer ? statements.find((statement: any) => tree.isInside(timer.call, statement) && isTimerStatement(facts, statement, timer)) : undefined;
  const work = statements.filter((statement: any) => !timers.some((fact) => tree.isInside(fact.call, statement)) || (timer && statement !== timerStatement && tree.isInside(timer.call, statement)));
  // something other than the timer must settle it: a promise only the timer settles is a delay
  const workSettles = statements.some((statement: any) => usesSettle(statement) && !timers.some((fact) => tree.isInside(fact.call, statement)));
  if (!workSettles) return undefined;

  const handle = timer && (timer.capture.kind === 'declared' || timer.capture.kind === 'assigned') ? timer.capture.binding : undefined;
  const clears = timer ? timer.uses.filter((use) => use.kind === 'clear').map((use) => use.call) : [];
  const isClear = (node: any) => handle !== undefined && clears.includes(node);

  const listeners: Listener[] = [];
  const removals: any[] = [];
  // a handler that settles: inline, `resolve` itself, or a function of the executor that does
  const handlerSettles = (handler: any) => usesSettle(handler) || (unwrap(handler)?.type === 'Identifier' && !!resolver.localFunctionOf(handler) && usesSettle(resolver.localFunctionOf(handler)!.fn));
  const isSettleReference = (node: any) => unwrap(node)?.type === 'Identifier' && settleBindings.includes(scopes.bindingOf(unwrap(node))!);
  // `emitter?.on(…)` too
  for (const call of [...tree.within(executor.body, 'CallExpression'), ...tree.within(executor.body, 'OptionalCallExpression')].sort((a, b) => a.start - b.start)) {
    const method = propertyName(unwrap(call.callee));
    if (method && LISTENER_METHODS[method] && call.arguments.length >= 2 && handlerSettles(call.arguments[1])) {
      const statement = statements.includes(tree.parent(call)) ? tree.parent(call) : undefined;
      listeners.push({ call, statement, method, target: unwrap(call.callee).object, event: call.arguments[0], handler: call.arguments[1], options: call.arguments[2] });
    }
    if (method && REMOVERS.has(method)) removals.push(call);
  }
  // other ways a settling function is held: a property, a subscription, a registry, beside intervals
  const propertyListeners: ExecutorSite['propertyListeners'] = [];
  const droppedSubscriptions: any[] = [];
  const keptCallbacks: ExecutorSite['keptCallbacks'] = [];
  for (const assignment of tree.within(executor.body, 'AssignmentExpression')) {
    const left = unwrap(assignment.left);
    const property = propertyName(left);
    if (assignment.operator === '=' && property && /^on[a-z]+$/.test(property) && handlerSettles(assignment.right)) propertyListeners.push({ assignment, target: left.object, property });
  }
  for (const call of tree.within(executor.body, 'CallExpression')) {
    const method = propertyName(unwrap(call.callee));
    if (!method || LISTENER_METHODS[method] !== undefined) continue;
    const handler = call.arguments.find((argument: any) => handlerSettles(argument) && (isFunction(unwrap(argument)) || unwrap(argument)?.type === 'Identifier'));
    if (!handler) continue;
    const parent = tree.parent(call);
    if (/^on[A-Z]/.test(method) && (parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void'))) droppedSubscriptions.push(call);
    else if ((method === 'set' || method === 'add' || method === 'push') && !isSettleReference(handler)) keptCallbacks.push({ call, store: unwrap(call.callee).object, key: method === 'set' ? call.arguments[0] : handler });
  }
  // an interval the executor itself arms (one armed later by a handler belongs to what it starts)
  const intervals: ExecutorSite['intervals'] = tree
    .within(executor.body, 'CallExpression')
    .filter((call) => resolver.is(call.callee, 'setInterval') && tree.functionOf(call) === executor)
    .map((call) => {
      const holder = tree.parent(call);
      if (holder?.type === 'VariableDeclarator' && holder.init === call && holder.id.type === 'Identifier') return { call, handle: scopes.bindingOf(holder.id) };
      if (holder?.type === 'AssignmentExpression' && holder.right === call && unwrap(holder.left)?.type === 'Identifier') return { call, handle: scopes.bindingOf(unwrap(holder.left)) };
      return { call, handle: undefined };
    });

  // `resolve` and `reject` themselves, as values: they return without throwing
  const isSettleFunction = (node: any) => unwrap(node)?.type === 'Identifier' && settleBindings.includes(scopes.bindingOf(unwrap(node))!);
  const settlePoints: SettlePoint[] = [];
  const unsettled: Array<{ node: any; outcome: Outcome }> = [];
  for (const binding of settleBindings) {
    const settle = binding === resolve ? 'resolve' : 'reject';
    for (const reference of binding.references) {
      const node = reference.node;
      if (timers.some((fact) => tree.isInside(node, fact.call))) continue;
      // `Parameters<typeof resolve>` names it in a type: no settle
      if ([...tree.ancestors(node)].some((ancestor: any) => ancestor.type === 'TSTypeQuery')) continue;
      const parent = tree.parent(node);
      const called = (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && parent.callee === node;
      const point = called ? parent : node;
      // a settle in the executor's own flow before the timer is armed leaves no timer behind, when
      // the executor leaves there: `return resolve(v);`, or `resolve(v); return;` in one block.
      // `if (ready) resolve(v);` above the timer goes on to arm it, and leaves it armed.
      const beforeTimer = called && timerStatement !== undefined && tree.functionOf(point) === executor && point.end <= timerStatement.start && leavesExecutorAt(tree, point);
      settlePoints.push({ node: point, settle, byReference: !called, cleared: beforeTimer || (clears.length > 0 && clearsOnWayTo(facts, point, executor, isClear, isSettleFunction)), stored: !called && (isStored(facts, node) || isPassedOn(facts, node)) });
    }
  }
  for (const statement of work) {
    for (const gap of unsettledOutcomes(facts, statement, usesSettle)) unsettled.push(gap);
  }
  const outerClear = new Set<Outcome>();
  for (const clear of clears) {
    if (tree.isInside(clear, executor)) continue;
    for (const outcome of coverageOf(tree, newPromise, clear, (top) => followStored(facts, top))) outerClear.add(outcome);
  }
  return {
    kind: listeners.length > 0 || propertyListeners.length > 0 ? 'listener' : 'executor',
    node: newPromise,
    executor,
    resolve,
    reject,
    timers,
    timer,
    timerStatement,
    work,
    settlePoints,
    unsettled,
    outerClear,
    clears,
    listeners,
    removals,
    propertyListeners,
    droppedSubscriptions,
    keptCallbacks,
    intervals,
    syncThrows: timerStatement ? syncThrowsAfter(facts, executor, timerStatement, isSettleFunction) : [],
  };
}

// A timeout of the platform that settles the promise in a way this does not take apart, beside
// work that settles it too: from an async executor, or through a function of the executor
// (`setTimeout(() => rejectOnce(new Error('timed out')), ms)`). Said, never rewritten. A timeout
// rejects: a timer that resolves (a delay, a poll, a deferral, a debounce) is not one, nor one
// that calls a function with anything but the error it makes (`attempt(n - 1)`: a retry).
function unmodelledTimer(facts: Facts, newPromise: any, executor: any, statements: any[], calls: any[], usesSettle: (node: any) => boolean, reject: Binding | undefined): ExecutorSite['unmodelled'] {
  const { tree, resolver } = facts;
  if (!reject) return undefined;
  const rejects = (node: any) => reject.references.some((reference) => tree.isInside(reference.node, node));
  // a function of the executor that rejects, as a call or a timer argument names it
  const rejecterOf = (node: any): { name: string; fn: any; binding: Binding } | undefined => {
    const local = unwrap(node)?.type === 'Identifier' ? resolver.localFunctionOf(node) : undefined;
    return local && tree.isInside(local.fn, executor) && rejects(local.fn) ? { name: unwrap(node).name, fn: local.fn, binding: local.binding } : undefined;
  };
  // an error or its message, made right there
  const isError = (node: any) => {
    const value = unwrap(node);
    if (value?.type === 'StringLiteral' || value?.type === 'TemplateLiteral' || (value?.type === 'Literal' && typeof value.value === 'string')) return true;
    return value?.type === 'NewExpression' && unwrap(value.callee)?.type === 'Identifier' && /Error$/.test(unwrap(value.callee).name);
  };
  // an arm of a race: race-timeout's (`Promise.race([work, new Promise(…)])`)
  const list = tree.parent(newPromise);
  if (list?.type === 'ArrayExpression' && tree.parent(list)?.type === 'CallExpression') return undefined;
  // an async executor that clears a timer in a finally of its own
  if (executor.async && tree.within(executor.body, 'TryStatement').some((statement: any) => statement.finalizer && tree.within(statement.finalizer, 'CallExpression').some((each: any) => resolver.is(each.callee, 'clearTimeout') || resolver.is(each.callee, 'clearInterval')))) return undefined;
  for (const call of calls) {
    const callback = unwrap(call.arguments[0]);
    if (!callback || !resolver.is(call.callee, 'setTimeout')) continue;
    // `setTimeout(onloadend)`, `setTimeout(done, 0)`: the next turn, not a timeout
    const delay = unwrap(call.arguments[1]);
    if (!delay || ((delay.type === 'NumericLiteral' || delay.type === 'Literal') && delay.value === 0)) continue;
    let through: ReturnType<typeof rejecterOf>;
    if (usesSettle(callback)) {
      // settled by the timer itself: said only in an async executor, and for a timer that rejects
      if (!executor.async || !rejects(callback)) continue;
    } else {
      const inner = isFunction(callback) && callback.params.length === 0 ? tree.within(callback.body, 'CallExpression').find((each: any) => rejecterOf(each.callee) && each.arguments.length > 0 && each.arguments.every(isError)) : undefined;
      through = inner && rejecterOf(inner.callee);
      if (!through) continue;
      // `function check() { …; setTimeout(check); }`: a poll that re-arms itself, not a timeout
      if (tree.isInside(call, through.fn)) continue;
    }
    // something else settles it too (not the statement declaring the function the timer calls): a
    // promise only the timer settles is a delay, or an arm of a race
    const timerStatement = statements.find((statement: any) => tree.isInside(call, statement));
    const declaring = through ? statements.find((statement: any) => tree.isInside(through!.fn, statement)) : undefined;
    if (!statements.some((statement: any) => statement !== timerStatement && statement !== declaring && usesSettle(statement))) continue;
    if (executor.async) return { reason: 'asyncExecutor', node: call, name: facts.code(call.callee, 40) };
    // a funnel (`rejectOnce` → `cleanup()`, which clears the timer and removes the listeners, as every
    // handler calls it) is not judged either way: left as it is, rather than a warning on it
    if (funnelsCleanup(facts, executor, through!.fn)) continue;
    return { reason: 'timerThroughFunction', node: call, name: through!.name };
  }
  return undefined;
}

// The function a timer settles through, or one it calls, clears a timer, and removes a listener
// where the executor adds one.
function funnelsCleanup(facts: Facts, executor: any, fn: any): boolean {
  const { tree, resolver } = facts;
  if (!fn) return false;
  const reached = [fn];
  for (const call of tree.within(fn.body, 'CallExpression')) {
    const local = resolver.localFunctionOf(call.callee);
    if (local && tree.isInside(local.fn, executor) && !reached.includes(local.fn)) reached.push(local.fn);
  }
  const callsIn = reached.flatMap((each) => tree.within(each.body, 'CallExpression'));
  const clears = callsIn.some((call) => resolver.is(call.callee, 'clearTimeout') || resolver.is(call.callee, 'clearInterval'));
  const adds = tree.within(executor.body, 'CallExpression').some((call) => LISTENER_METHODS[propertyName(unwrap(call.callee)) ?? ''] !== undefined);
  const removes = callsIn.some((call) => REMOVERS.has(propertyName(unwrap(call.callee)) ?? ''));
  return clears && (!adds || removes);
}

// Which calls count: those that run in the executor's own synchronous flow (in it, or in a callback
// of an array method it calls), after the timer is armed, outside a `try` with a catch. A call
// whose value is chained with `.then`/`.catch`/`.finally` returns a promise, and is taken to report
// its failures by rejecting it, as promise-returning APIs do: it does not count.
function syncThrowsAfter(facts: Facts, executor: any, timerStatement: any, isSettleFunction: (node: any) => boolean): any[] {
  const { tree, resolver } = facts;
  const runsInFlow = (call: any): boolean => {
    for (let fn = tree.functionOf(call); fn !== executor; ) {
      const holder = tree.parent(fn);
      if (holder?.type !== 'CallExpression' || !holder.arguments.includes(fn) || !ITERATING_METHODS.has(propertyName(unwrap(holder.callee)) ?? '')) return false;
      fn = tree.functionOf(holder);
      if (fn === tree.program) return false;
    }
    return true;
  };
  const candidates = [...tree.within(executor.body, 'CallExpression'), ...tree.within(executor.body, 'OptionalCallExpression'), ...tree.within(executor.body, 'NewExpression')].sort((a, b) => a.start - b.start);
  return candidates.filter((call) => {
    if (call.start < timerStatement.end || !runsInFlow(call)) return false;
    // resolve and reject return without throwing; `Promise.all([...])`'s arguments are counted on their own
    if ((call.type !== 'NewExpression' && isSettleFunction(call.callee)) || !mayThrowSync(facts, call, { callbacksRead: true })) return false;
    for (const ancestor of tree.ancestors(call)) {
      if (ancestor === executor) break;
      if (ancestor.type === 'TryStatement' && ancestor.handler && tree.isInside(call, ancestor.block)) return false;
    }
    return true;
  });
}


// `{ resolve, timeout }`, `this.pending = resolve`, `map.set(id, resolve)`: a settle function kept
// for code elsewhere to call.
function isStored(facts: Facts, reference: any): boolean {
  const parent = facts.tree.parent(reference);
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === reference) return true;
  if (parent?.type === 'ArrayExpression') return true;
  if (parent?.type === 'AssignmentExpression' && parent.right === reference) {
    if (parent.left.type !== 'Identifier') return true;
    // `reject = _reject` into a variable declared outside the executor: kept for a `cancel()` there
    const binding = facts.scopes.bindingOf(parent.left);
    const executor = facts.tree.functionOf(reference);
    return binding !== undefined && !facts.tree.isInside(binding.id, executor);
  }
  if (parent?.type === 'CallExpression' && parent.arguments.includes(reference)) {
    const method = propertyName(unwrap(parent.callee));
    return method === 'set' || method === 'push' || method === 'add' || method === 'unshift';
  }
  return false;
}

// `check(resolve, reject)`: handed to a function that calls it when it likes (not a `.then`
// handler, a listener, or a timer's callback, which the model follows).
function isPassedOn(facts: Facts, reference: any): boolean {
  const parent = facts.tree.parent(reference);
  if ((parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') || !parent.arguments.includes(reference)) return false;
  const callee = unwrap(parent.callee);
  const method = propertyName(callee);
  if (method === 'then' || method === 'catch' || method === 'finally' || (method !== undefined && LISTENER_METHODS[method] !== undefined)) return false;
  if (facts.resolver.is(callee, 'setTimeout')) return false;
  return true;
}

function isTimerStatement(facts: Facts, statement: any, timer: TimerFact): boolean {
  let current = timer.expression;
  let parent = facts.tree.parent(current);
  if (parent?.type === 'AssignmentExpression' && parent.right === current) {
    current = parent;
    parent = facts.tree.parent(current);
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === current) return facts.tree.parent(parent) === statement && statement.declarations.length === 1;
  return parent === statement && statement.type === 'ExpressionStatement';
}

// A clear of the handle surely runs when the work reaches `point`: in a block around it, before it
// (or after it, with nothing between that may leave), in the same function; or on the chain the
// point is a handler of (`work.finally(() => clearTimeout(h)).then(resolve, reject)`).
function clearsOnWayTo(facts: Facts, point: any, executor: any, isClearCall: (node: any) => boolean, settles: (node: any) => boolean = () => false): boolean {
  const { tree, resolver } = facts;
  const fn = tree.functionOf(point);
  // `cleanup()` with `const cleanup = () => { clearTimeout(timer); … }`: a clear, one call away
  const isClear = (node: any): boolean => {
    if (isClearCall(node)) return true;
    const local = node?.type === 'CallExpression' ? resolver.localFunctionOf(node.callee) : undefined;
    return local !== undefined && tree.within(local.fn, 'CallExpression').some((call) => isClearCall(call) && runsOnEveryPathOf(tree, local.fn, call));
  };
  // the blocks around the point, in its function
  let child = point;
  for (const ancestor of tree.ancestors(point)) {
    // `try { …; resolve(v) } catch (e) { reject(e) } finally { clearTimeout(t) }`: the finally runs after either
    if (ancestor.type === 'TryStatement' && ancestor.finalizer && child !== ancestor.finalizer && ancestor.finalizer.body.some((statement: any) => isClearStatement(statement, isClear))) return true;
    if (ancestor.type === 'BlockStatement' || ancestor.type === 'Program') {
      const list = ancestor.body;
      const index = list.findIndex((statement: any) => tree.isInside(child, statement));
      for (let other = 0; other < list.length; other += 1) {
        if (other === index) continue;
        const statement = list[other];
        if (!isClearStatement(statement, isClear)) continue;
        if (other < index && !list.slice(other, index).some((between: any, offset: number) => offset > 0 && mayLeaveEarly(between))) return true;
        // the statement holding the point must not leave before the clear either: `return resolve(v);`,
        // or a return/throw/break nested in it (`if (!v) return resolve(null);`), or an await after
        // which a rejection throws past it
        // nor may a statement between them throw (`resolve(v); record(v); clearTimeout(h);`)
        if (other > index && !list.slice(index, other).some(mayLeaveEarly) && !list.slice(index + 1, other).some((between: any) => mayThrowBetween(facts, between, isClear))) return true;
      }
    }
    if (ancestor === fn) break;
    child = ancestor;
  }
  // `h && clearTimeout(h), resolve(v)` and such: a clear in the same expression statement, before it
  const statement = tree.statementOf(point);
  if (statement?.type === 'ExpressionStatement' && tree.within(statement, 'CallExpression').some((call) => isClear(call) && call.end <= point.start && tree.functionOf(call) === fn)) return true;
  // on a chain: a link whose handler clears on every outcome of the chain's head
  // (`.finally(clear)`, or `.then(resolve).catch(reject).then(clear)`)
  for (const ancestor of tree.ancestors(point)) {
    if (ancestor === executor) break;
    if (ancestor.type !== 'CallExpression') continue;
    const links = chainOf(facts, ancestor);
    if (links.length === 0) continue;
    const head = chainHead(links);
    for (const link of links) {
      for (const handler of link.call.arguments) {
        if (!isFunction(handler)) continue;
        for (const call of tree.within(handler, 'CallExpression')) {
          if (!isClear(call)) continue;
          const coverage = coverageOf(tree, head, call, undefined, 0, (handler) => settles(handler));
          if (coverage.has('fulfilled') && coverage.has('rejected')) return true;
        }
      }
    }
  }
  // `() => resolve()` handed to a call of an outer function of the executor (`ping().then(() =>
  // resolve())`): a clear that runs on the way to that call has run when the callback settles
  if (fn !== executor && tree.isInside(fn, executor)) {
    const holder = tree.parent(fn);
    if ((holder?.type === 'CallExpression' || holder?.type === 'OptionalCallExpression') && holder.arguments.includes(fn)) return clearsOnWayTo(facts, holder, executor, isClearCall, settles);
  }
  return false;
}

// `h`, `h != null`, `h !== undefined` (or `null`) of the handle `clear` clears
function testsHandle(test: any, clear: any): boolean {
  const handle = unwrap(clear?.arguments?.[0]);
  if (handle?.type !== 'Identifier') return false;
  const same = (node: any) => unwrap(node)?.type === 'Identifier' && unwrap(node).name === handle.name;
  if (same(test)) return true;
  const nullish = (node: any) => { const value = unwrap(node); return value?.type === 'NullLiteral' || (value?.type === 'Literal' && value.value === null) || (value?.type === 'Identifier' && value.name === 'undefined'); };
  return test?.type === 'BinaryExpression' && ['!=', '!==' ].includes(test.operator) && ((same(test.left) && nullish(test.right)) || (same(test.right) && nullish(test.left)));
}

// A statement that may throw before a clear after it: a throw, or a call or `new` of its own flow
// that may throw (mayThrowBeforeCleanup) and is not that clear. A dispose or an unsubscribe of the site's own
// listeners is taken not to throw, as their removals are.
function mayThrowBetween(facts: Facts, statement: any, isClear: (node: any) => boolean): boolean {
  const { tree } = facts;
  if (statement.type === 'FunctionDeclaration' || statement.type === 'EmptyStatement') return false;
  const calls = [...tree.within(statement, 'CallExpression'), ...tree.within(statement, 'OptionalCallExpression'), ...tree.within(statement, 'NewExpression')];
  const disposes = (call: any) => ['dispose', 'unsubscribe', 'unref'].includes(propertyName(unwrap(call.callee)) ?? '');
  return tree.within(statement, 'ThrowStatement').length > 0 || calls.some((call) => !isClear(call) && !disposes(call) && mayThrowBeforeCleanup(facts, call) && tree.functionOf(call) === tree.functionOf(statement));
}

// The expression a chain of links starts from.
function chainHead(links: Array<{ call: any }>): any {
  let head = links[0].call;
  for (;;) {
    const callee = unwrap(head?.callee);
    const method = propertyName(callee);
    if (head?.type !== 'CallExpression' || (method !== 'then' && method !== 'catch' && method !== 'finally')) return head;
    head = unwrap(callee.object);
  }
}

// `return resolve(v);`, or `resolve(v);` followed right away in its block by `return`: the function
// the settle is in leaves there, before any later statement of it runs
function leavesExecutorAt(tree: Facts['tree'], point: any): boolean {
  const statement = tree.parent(point);
  if (statement?.type === 'ReturnStatement') return unwrap(statement.argument) === point;
  if (statement?.type !== 'ExpressionStatement' || statement.expression !== point) return false;
  const block = tree.parent(statement);
  if (block?.type !== 'BlockStatement') return false;
  const next = block.body[block.body.indexOf(statement) + 1];
  return next?.type === 'ReturnStatement';
}

function isClearStatement(statement: any, isClear: (node: any) => boolean): boolean {
  if (statement.type === 'ExpressionStatement') {
    const expression = unwrap(statement.expression);
    if (isClear(expression)) return true;
    // `h && clearTimeout(h)`: a test of the handle itself, which is unset only when nothing is armed
    // (not `v && clearTimeout(h)`, which skips the clear whenever `v` is falsy)
    if (expression?.type === 'LogicalExpression' && expression.operator === '&&' && isClear(unwrap(expression.right)) && testsHandle(unwrap(expression.left), unwrap(expression.right))) return true;
    return false;
  }
  if (statement.type === 'IfStatement') {
    const consequent = statement.consequent.type === 'BlockStatement' ? statement.consequent.body[0] : statement.consequent;
    const call = consequent?.type === 'ExpressionStatement' ? unwrap(consequent.expression) : undefined;
    return call !== undefined && isClear(call) && isGuardedClear(statement, call);
  }
  return false;
}

// Every link of the `.then/.catch/.finally` chain that `call` is part of.
function chainOf(facts: Facts, call: any): Array<{ call: any; method: string }> {
  const links: Array<{ call: any; method: string }> = [];
  let head = call;
  // down to the head
  for (;;) {
    const callee = unwrap(head?.callee);
    const method = propertyName(callee);
    if (head?.type !== 'CallExpression' || (method !== 'then' && method !== 'catch' && method !== 'finally')) break;
    links.push({ call: head, method });
    head = unwrap(callee.object);
  }
  // and up from the call
  let current = call;
  for (let link = chainedCall(facts.tree, current); link; link = chainedCall(facts.tree, current)) {
    links.push(link);
    current = link.call;
  }
  return links;
}

// A work statement `x.then(resolve)` whose chain has no handler for a rejection: the rejected
// outcome of `x` settles nothing (the promise waits for its timer, and the rejection is unhandled).
function unsettledOutcomes(facts: Facts, statement: any, usesSettle: (node: any) => boolean): Array<{ node: any; outcome: Outcome }> {
  if (statement.type !== 'ExpressionStatement') return [];
  const top = unwrap(statement.expression);
  const links: Array<{ call: any; method: string }> = [];
  let head = top;
  for (;;) {
    const callee = unwrap(head?.callee);
    const method = propertyName(callee);
    if (head?.type !== 'CallExpression' || (method !== 'then' && method !== 'catch' && method !== 'finally')) break;
    links.unshift({ call: head, method });
    head = unwrap(callee.object);
  }
  if (links.length === 0 || !links.some((link) => link.call.arguments.some(usesSettle))) return [];
  // `Promise.all(items.map((item) => item.then(null, () => {})))`, `Promise.allSettled(…)`: cannot reject
  if (cannotRejectHead(facts, head)) return [];
  const gaps: Array<{ node: any; outcome: Outcome }> = [];
  for (const outcome of OUTCOMES) {
    let current = outcome as Outcome | 'settled';
    for (const link of links) {
      if (current === 'settled') break;
      const handler: any = link.method === 'then' ? link.call.arguments[current === 'fulfilled' ? 0 : 1] : link.method === 'catch' && current === 'rejected' ? link.call.arguments[0] : undefined;
      if (!handler) continue;
      // a handler that runs for this outcome: what it settles (maybe on some paths only) is the
      // code's own logic; the gap is an outcome no handler sees at all
      current = usesSettle(handler) ? 'settled' : 'fulfilled';
    }
    if (current !== 'settled') gaps.push({ node: top, outcome });
  }
  return gaps;
}

function cannotRejectHead(facts: Facts, head: any): boolean {
  const call = unwrap(head);
  if (call?.type !== 'CallExpression' || !facts.resolver.is(unwrap(call.callee)?.object, 'Promise')) return false;
  const method = propertyName(unwrap(call.callee));
  if (method === 'allSettled') return true;
  if (method !== 'all') return false;
  // every element catches its own rejection
  const list = unwrap(call.arguments[0]);
  const catches = (element: any) => {
    const expression = unwrap(element);
    const link = expression?.type === 'CallExpression' ? propertyName(unwrap(expression.callee)) : undefined;
    const handler = link === 'catch' ? expression.arguments[0] : link === 'then' ? expression.arguments[1] : undefined;
    return isFunction(handler) && !handler.async && facts.tree.within(handler, 'ThrowStatement').length === 0 && handler.body.type === 'BlockStatement' && !handler.body.body.some((statement: any) => statement.type === 'ReturnStatement' && statement.argument);
  };
  if (list?.type === 'ArrayExpression') return list.elements.every(catches);
  if (list?.type === 'CallExpression' && propertyName(unwrap(list.callee)) === 'map') {
    const mapper = list.arguments[0];
    return isFunction(mapper) && mapper.body.type !== 'BlockStatement' && catches(mapper.body);
  }
  return false;
}

export { clearedBy };
