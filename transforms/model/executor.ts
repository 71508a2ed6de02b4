// A `new Promise` executor that arms a timer and settles from work (a callback, a `.then` chain, an
// awaited call, an event listener): its timer, the work's settle points with whether each clears the
// timer on its way, the work outcomes that settle nothing, and the listeners it adds.
import { propertyName } from '../analysis/resolve';
import type { Binding } from '../analysis/scope';
import { isFunction, unwrap } from '../analysis/tree';
import { timerExecutor } from './arms';
import type { Facts } from './facts';
import { type Coverage, chainedCall, coverageOf, isGuardedClear, mayLeaveEarly, type Outcome, OUTCOMES, runsOnEveryPathOf } from './paths';
import { followStored } from './race';
import { type TimerFact, clearedBy, timerFact } from './timer';

export interface SettlePoint {
  /** the `resolve(...)` call, or the `resolve` passed as a value */
  node: any;
  settle: 'resolve' | 'reject';
  /** passed as a value (`.then(resolve, reject)`, `once('x', resolve)`) rather than called */
  byReference: boolean;
  /** a clear of the handle runs on the way to it */
  cleared: boolean;
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
  lookalike?: { name: string; node: any };
}

export const LISTENER_METHODS: Record<string, string> = {
  once: 'removeListener',
  addListener: 'removeListener',
  prependListener: 'removeListener',
  prependOnceListener: 'removeListener',
  // `removeListener` rather than `off`: every Node-style emitter has it (`off` came in Node 10)
  on: 'removeListener',
  addEventListener: 'removeEventListener',
};

const REMOVERS = new Set(['removeListener', 'off', 'removeEventListener', 'removeAllListeners']);

// `new Promise(fn)`: the platform's, and look-alikes spelled `Promise` (reported, never rewritten)
export function newPromiseCalls(facts: Facts): any[] {
  return facts.tree
    .ofType('NewExpression')
    .filter((node) => node.arguments.length === 1 && isFunction(unwrap(node.arguments[0])) && (facts.resolver.is(node.callee, 'Promise') || (unwrap(node.callee)?.type === 'Identifier' && unwrap(node.callee).name === 'Promise')));
}

const spelledSetTimeout = (call: any) => {
  const callee = unwrap(call.callee);
  return (callee?.type === 'Identifier' && callee.name === 'setTimeout') || propertyName(callee) === 'setTimeout';
};

export function buildExecutorSite(facts: Facts, newPromise: any): ExecutorSite | undefined {
  const { tree, scopes, resolver } = facts;
  // a promise that is only a timer is an arm of the race (or the helper) that uses it
  if (timerExecutor(facts, newPromise) !== undefined) return undefined;
  const executor = unwrap(newPromise.arguments[0]);
  if (executor.async) return undefined;
  const params = executor.params.slice(0, 2).map((param: any) => (param.type === 'Identifier' ? scopes.bindingOf(param) : undefined));
  const [resolve, reject] = params as Array<Binding | undefined>;
  const settleBindings = [resolve, reject].filter((binding): binding is Binding => binding !== undefined);
  if (settleBindings.length === 0) return undefined;
  const usesSettle = (node: any) => settleBindings.some((binding) => binding.references.some((reference) => tree.isInside(reference.node, node)));

  const statements = executor.body.type === 'BlockStatement' ? executor.body.body : [executor.body];
  const calls = tree.within(executor.body, 'CallExpression');
  const platform = resolver.is(newPromise.callee, 'Promise');
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
    const shadowed = platform ? { name: 'setTimeout', node: lookalike } : { name: 'Promise', node: newPromise };
    const listens = calls.some((call) => LISTENER_METHODS[propertyName(unwrap(call.callee)) ?? ''] !== undefined && call.arguments.length >= 2 && usesSettle(call.arguments[1]));
    return { kind: listens ? 'listener' : 'executor', node: newPromise, executor, resolve, reject, timers: [], work: [], settlePoints: [], unsettled: [], outerClear: new Set(), clears: [], listeners: [], removals: [], lookalike: shadowed };
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
  for (const call of tree.within(executor.body, 'CallExpression')) {
    const method = propertyName(unwrap(call.callee));
    if (method && LISTENER_METHODS[method] && call.arguments.length >= 2 && handlerSettles(call.arguments[1])) {
      const statement = statements.includes(tree.parent(call)) ? tree.parent(call) : undefined;
      listeners.push({ call, statement, method, target: unwrap(call.callee).object, event: call.arguments[0], handler: call.arguments[1], options: call.arguments[2] });
    }
    if (method && REMOVERS.has(method)) removals.push(call);
  }

  const settlePoints: SettlePoint[] = [];
  const unsettled: Array<{ node: any; outcome: Outcome }> = [];
  for (const binding of settleBindings) {
    const settle = binding === resolve ? 'resolve' : 'reject';
    for (const reference of binding.references) {
      const node = reference.node;
      if (timers.some((fact) => tree.isInside(node, fact.call))) continue;
      const parent = tree.parent(node);
      const called = (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && parent.callee === node;
      const point = called ? parent : node;
      settlePoints.push({ node: point, settle, byReference: !called, cleared: clears.length > 0 && clearsOnWayTo(facts, point, executor, isClear) });
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
    kind: listeners.length > 0 ? 'listener' : 'executor',
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
  };
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
function clearsOnWayTo(facts: Facts, point: any, executor: any, isClear: (node: any) => boolean): boolean {
  const { tree } = facts;
  const fn = tree.functionOf(point);
  // the blocks around the point, in its function
  let child = point;
  for (const ancestor of tree.ancestors(point)) {
    if (ancestor.type === 'BlockStatement' || ancestor.type === 'Program') {
      const list = ancestor.body;
      const index = list.findIndex((statement: any) => tree.isInside(child, statement));
      for (let other = 0; other < list.length; other += 1) {
        if (other === index) continue;
        const statement = list[other];
        if (!isClearStatement(statement, isClear)) continue;
        if (other < index && !list.slice(other, index).some((between: any, offset: number) => offset > 0 && mayLeaveEarly(between))) return true;
        if (other > index && !list.slice(index + 1, other).some(mayLeaveEarly) && !leavesAfter(list[index], child)) return true;
      }
    }
    if (ancestor === fn) break;
    child = ancestor;
  }
  // `h && clearTimeout(h), resolve(v)` and such: a clear in the same expression statement, before it
  const statement = tree.statementOf(point);
  if (statement?.type === 'ExpressionStatement' && tree.within(statement, 'CallExpression').some((call) => isClear(call) && call.end <= point.start && tree.functionOf(call) === fn)) return true;
  // on a chain: a `.finally(clear)` link, or a handler that clears, around the point's handler
  for (const ancestor of tree.ancestors(point)) {
    if (ancestor === executor) break;
    if (ancestor.type !== 'CallExpression') continue;
    for (const link of chainOf(facts, ancestor)) {
      if (link.method === 'finally' && isFunction(link.call.arguments[0]) && tree.within(link.call.arguments[0], 'CallExpression').some((call) => isClear(call) && runsOnEveryPathOf(tree, link.call.arguments[0], call))) return true;
    }
  }
  return false;
}

// `resolve(v); return;` before a later clear: the clear is skipped
function leavesAfter(statement: any, point: any): boolean {
  void point;
  return statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement';
}

function isClearStatement(statement: any, isClear: (node: any) => boolean): boolean {
  if (statement.type === 'ExpressionStatement') {
    const expression = unwrap(statement.expression);
    if (isClear(expression)) return true;
    if (expression?.type === 'LogicalExpression' && expression.operator === '&&' && isClear(unwrap(expression.right))) return true;
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

export { clearedBy };
