// What one arm of a race is, resolved through bindings: a timer (an inline `new Promise` around
// setTimeout, a node:timers/promises sleep, a helper of this file that returns one of those, an
// `AbortSignal.timeout()`), a listener (`events.once`), an iterator's `next()`, a fetch, or plain work.
// A helper is followed to its definition and classified as what it returns; a helper imported from
// another file is named, with where it comes from.
import { type Builtin, hasWrites, isStringLiteral, propertyName, requiredImport, unwrapPattern } from '../analysis/resolve';
import type { Binding } from '../analysis/scope';
import { isFunction, outermost, unwrap } from '../analysis/tree';
import { isPromiseExecutor } from './callback';
import { isEffectFree } from './effects';
import type { Facts } from './facts';
import { type TimerFact, callbackEffects, clearedBy, timerFact } from './timer';

/** a handler chained on an arm: `.then(() => { throw err; })` */
export interface Tail {
  call: any;
  method: 'then' | 'catch' | 'finally';
  handlers: any[];
}

export type TimerOutcome = 'rejects' | 'resolves';

export type TimerArm =
  /** `new Promise((_, reject) => setTimeout(() => reject(err), ms))` */
  | {
      kind: 'executor';
      newPromise: any;
      executor: any;
      settleParam: 'resolve' | 'reject';
      settle: Binding;
      /** `() => (err ? reject(err) : resolve(undefined))`: the callback settles one way or the other */
      choice?: { test: any; calls: [any, any] };
      timer: TimerFact;
      outcome: TimerOutcome;
    }
  /**
   * `sleep(ms, value?, options?)` of node:timers/promises, or `promisify(setTimeout)`; with `iife`,
   * awaited by an async IIFE that then throws or returns (`(async () => { await sleep(ms); throw err; })()`)
   */
  | { kind: 'sleep'; call: any; builtin: Builtin; options: any | undefined; outcome: TimerOutcome; iife?: any }
  /** `delay(ms)` / `this.timeout(ms)`: a function of this file whose result is a timer arm */
  | {
      kind: 'helper';
      call: any;
      fn: any;
      name: string;
      binding?: Binding;
      /** the timer arm it gives back; undefined when that is a choice (`isFinite(ms) ? timer : never`) */
      inner?: TimerArm;
      outcome: TimerOutcome;
      /** the facts of the file that defines it, when that is another file (`import { delay } from './x'`) */
      home?: Facts;
      /** where it is defined, `path:line`, for another file */
      where?: string;
      /**
       * a parameter the call leaves out through which the helper can be stopped: an AbortSignal (or
       * an AbortController) whose abort clears its timer
       */
      abortable?: { index: number; kind: 'signal' | 'controller' };
      /** the argument the call passes in the abortable parameter's place, when it passes one */
      signalPassed?: any;
    };

export type Arm =
  | { role: 'timer'; timer: TimerArm; tails: Tail[] }
  /** a timer arm this model cannot see into or take apart: why */
  | { role: 'opaque-timer'; node: any; reason: OpaqueReason; detail?: string; tails: Tail[]; helper?: OpaqueHelper }
  | { role: 'signal-timeout'; node: any; tails: Tail[] }
  | { role: 'listener'; once: any; tails: Tail[] }
  | { role: 'iterator'; next: any; iterator: any; tails: Tail[] }
  | { role: 'work'; head: any; fetch?: any; tails: Tail[] };

export type OpaqueReason =
  /** imported from another file of the project */
  | 'imported-helper'
  /** imported from a package */
  | 'package-helper'
  /** a helper of this file whose body is not one timer promise */
  | 'helper-shape'
  /** a `new Promise` that does more around its timer than settle */
  | 'executor-shape'
  /** a `new Promise` whose timer's handle is handed to a function that is not a pass-through (model/timer.ts) */
  | 'handle-wrapper'
  /** an async function or IIFE that awaits a delay */
  | 'async-timer'
  /** `cond ? timer : other` */
  | 'conditional'
  /** a call spelled `setTimeout` (or `Promise`) that is not the platform's */
  | 'shadowed'
  /** `timers.setTimeout(…)`: a member of some object, not the platform's */
  | 'foreign-timer'
  /** a name that says timer, bound to something this model cannot follow */
  | 'unknown'
  /** `watcher.promise` of an object the code cancels by a method of its own (`watcher.disarm()`) */
  | 'owned';

// A name that says timer, read word by word (`waitForTimeout`, `sleep_ms`, `asyncTimeout`; not
// `restartScheduledDelayedEvent`, not `waitFor`): one of these words, or the whole name one of the short ones.
const TIMER_WORDS = new Set(['timeout', 'timer', 'deadline', 'sleep', 'delay', 'settimeout']);
const TIMER_NAMES = new Set(['wait', 'sleep', 'delay', 'pause', 'later', 'waitms', 'waitforms']);
const TIMER_NAME = {
  test(name: string): boolean {
    const words = name
      .replace(/^#/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .map((word) => word.toLowerCase())
      .filter(Boolean);
    return TIMER_NAMES.has(words.join('')) || words.some((word) => TIMER_WORDS.has(word)) || /timeout$/i.test(name);
  },
};

/** `x.then(a).catch(b)`: the head `x` and the handlers after it, in order */
export function splitTails(node: any): { head: any; tails: Tail[] } {
  const tails: Tail[] = [];
  let current = unwrap(node);
  while ((current?.type === 'CallExpression' || current?.type === 'OptionalCallExpression') && (current.callee.type === 'MemberExpression' || current.callee.type === 'OptionalMemberExpression')) {
    const method = propertyName(current.callee);
    if (method !== 'then' && method !== 'catch' && method !== 'finally') break;
    tails.unshift({ call: current, method, handlers: current.arguments });
    current = unwrap(current.callee.object);
  }
  return { head: current, tails };
}

export function calleeName(call: any): string | undefined {
  const callee = unwrap(call?.callee);
  if (callee?.type === 'Identifier') return callee.name;
  return propertyName(callee);
}

/** which `new X(executor)` makes a promise: the global Promise, and the class a race is called on */
export type PromiseConstructor = (callee: any) => boolean;

/**
 * `resolveHead`: what a name at the head of a chain stands for (`delay.then(…)` with `const delay = new
 * Promise(…)`), so that the arm is classified as the promise it names
 */
export function classifyArm(facts: Facts, node: any, depth = 0, isPromise: PromiseConstructor = (callee) => facts.resolver.is(callee, 'Promise'), resolveHead?: (head: any) => any): Arm {
  const { head, tails } = splitTails(node);
  const { resolver } = facts;
  if (!head) return { role: 'work', head: node, tails };
  if (head.type === 'Identifier' && tails.length > 0 && depth < 3) {
    const named = resolveHead?.(head);
    if (named) {
      const inner = classifyArm(facts, named, depth + 1, isPromise);
      return { ...inner, tails: [...inner.tails, ...tails] } as Arm;
    }
  }
  if (containsSignalTimeout(facts, head)) return { role: 'signal-timeout', node: head, tails };
  if (head.type === 'NewExpression' && isPromise(head.callee)) {
    const executorArm = timerExecutor(facts, head);
    if (executorArm === undefined) return { role: 'work', head, tails };
    if ('problem' in executorArm) return { role: 'opaque-timer', node: head, reason: executorArm.problem, detail: 'name' in executorArm ? executorArm.name : undefined, tails };
    return { role: 'timer', timer: executorArm, tails };
  }
  if (head.type === 'CallExpression' || head.type === 'OptionalCallExpression') {
    const builtin = resolver.builtinOf(head.callee);
    if (builtin?.name === 'sleep') return { role: 'timer', timer: sleepArm(head, builtin), tails };
    if (builtin?.name === 'events.once') return { role: 'listener', once: head, tails };
    if (builtin?.name === 'fetch') return { role: 'work', head, fetch: head, tails };
    if (propertyName(unwrap(head.callee)) === 'next' && head.arguments.length === 0) {
      return { role: 'iterator', next: head, iterator: unwrap(unwrap(head.callee).object), tails };
    }
    const iife = unwrap(head.callee);
    const awaited = head.arguments.length === 0 ? asyncSleep(facts, iife) : undefined;
    if (awaited) return { role: 'timer', timer: awaited, tails };
    if (isFunction(iife) && iife.async && containsTimerCall(facts, iife) && endsInThrow(iife)) return { role: 'opaque-timer', node: head, reason: 'async-timer', tails };
    const helper = depth < 3 ? helperArm(facts, head, depth, isPromise) : undefined;
    if (helper) return helper.kind === 'opaque' ? { role: 'opaque-timer', node: head, reason: helper.reason, detail: helper.detail, tails, ...(helper.helper ? { helper: helper.helper } : {}) } : { role: 'timer', timer: helper.arm, tails };
    return { role: 'work', head, tails };
  }
  if (head.type === 'ConditionalExpression') {
    const branches = [classifyArm(facts, head.consequent, depth + 1, isPromise), classifyArm(facts, head.alternate, depth + 1, isPromise)];
    if (branches.some((arm) => arm.role === 'timer' || arm.role === 'opaque-timer')) return { role: 'opaque-timer', node: head, reason: 'conditional', tails };
    return { role: 'work', head, tails };
  }
  if (head.type === 'Identifier' && TIMER_NAME.test(head.name)) return { role: 'opaque-timer', node: head, reason: 'unknown', tails };
  const owner = ownedTimer(facts, head);
  if (owner) return { role: 'opaque-timer', node: head, reason: 'owned', detail: owner, tails };
  return { role: 'work', head, tails };
}

const OWNED_PROMISES = new Set(['promise', 'timeout', 'timer', 'deadline']);
// not `stop`/`dispose`: a recorder's `stop()` saves, a lease's `dispose()` may reject; moved to run
// when the race rejects too, such a method would do its work, or throw, on that path
const CANCEL_METHOD = /^(?:cancel|disarm|abort|clear\w*)$/;

// `watcher.promise` or `handle.promise()` of a local const whose own method cancels it somewhere in
// the race's function (`watcher.disarm()`, `handle.cancel()`): a timer held by an object this cannot
// see into. The cancel calls, as `watcher.disarm()`, joined; undefined otherwise.
function ownedTimer(facts: Facts, head: any): string | undefined {
  const calls = cancelCallsOf(facts, head);
  return calls.length > 0 ? [...new Set(calls.map((call: any) => `${unwrap(call.callee.object).name}.${propertyName(call.callee)}()`))].join(', ') : undefined;
}

/** the `owner.cancel()` calls (cancel, disarm, dispose, abort, stop, clear…) of the owner of `owner.promise` */
export function cancelCallsOf(facts: Facts, head: any): any[] {
  const member = head.type === 'CallExpression' && head.arguments.length === 0 ? unwrap(head.callee) : head;
  if (member?.type !== 'MemberExpression' || member.computed || !OWNED_PROMISES.has(propertyName(member) ?? '')) return [];
  const object = unwrap(member.object);
  const binding = object?.type === 'Identifier' ? facts.scopes.bindingOf(object) : undefined;
  if (!binding || binding.kind !== 'const') return [];
  return binding.references
    .map((reference) => facts.tree.parent(reference.node))
    .filter((parent: any) => parent?.type === 'MemberExpression' && CANCEL_METHOD.test(propertyName(parent) ?? '') && facts.tree.parent(parent)?.type === 'CallExpression' && facts.tree.parent(parent).callee === parent)
    .map((parent: any) => facts.tree.parent(parent));
}

// `(async () => { await sleep(ms); throw err; })()`: a sleep of node:timers/promises awaited first,
// then one `throw` or `return` of a value that costs nothing to skip. Aborting the sleep once the race
// has settled skips only that.
function asyncSleep(facts: Facts, fn: any): TimerArm | undefined {
  if (!isFunction(fn) || !fn.async || fn.generator || fn.params.length > 0 || fn.body.type !== 'BlockStatement' || fn.body.body.length !== 2) return undefined;
  const [first, last] = fn.body.body;
  const awaited = first.type === 'ExpressionStatement' && unwrap(first.expression)?.type === 'AwaitExpression' ? unwrap(unwrap(first.expression).argument) : undefined;
  if (awaited?.type !== 'CallExpression') return undefined;
  const builtin = facts.resolver.builtinOf(awaited.callee);
  if (builtin?.name !== 'sleep') return undefined;
  if (!((last.type === 'ThrowStatement' || last.type === 'ReturnStatement') && (!last.argument || isEffectFree(unwrap(last.argument))))) return undefined;
  return { ...(sleepArm(awaited, builtin) as Extract<TimerArm, { kind: 'sleep' }>), outcome: last.type === 'ThrowStatement' ? 'rejects' : 'resolves', iife: fn };
}

function sleepArm(call: any, builtin: Builtin): TimerArm {
  const [, value, options] = call.arguments;
  void value;
  return { kind: 'sleep', call, builtin, options, outcome: 'resolves' };
}

// `AbortSignal.timeout(ms)` in the arm, or a const the arm reads that is such a signal
// (`AbortSignal.timeout(ms)`, `AbortSignal.any([…, AbortSignal.timeout(ms)])`). A const that only
// took one on its way (`const conn = await dial(addr, { signal: AbortSignal.timeout(ms) })`) is not:
// an arm that reads it is work.
function containsSignalTimeout(facts: Facts, node: any, depth = 0): boolean {
  if (depth > 0 && !isSignalExpression(facts, node)) return false;
  for (const member of facts.tree.within(node, 'MemberExpression')) {
    if (propertyName(member) !== 'timeout' || !facts.resolver.is(member.object, 'AbortSignal')) continue;
    // in the arm itself, the signal must be waited on (a work given `{ signal }` is work)
    if (depth > 0 || waitsOn(facts, facts.tree.parent(member))) return true;
  }
  if (depth > 0) return false;
  for (const identifier of facts.tree.within(node, 'Identifier')) {
    if (!waitsOn(facts, identifier)) continue;
    const binding = facts.scopes.bindingOf(identifier);
    if (binding?.kind !== 'const' || binding.declaration?.type !== 'VariableDeclarator' || !binding.declaration.init || binding.declaration.id !== binding.id) continue;
    if (containsSignalTimeout(facts, binding.declaration.init, depth + 1)) return true;
  }
  return false;
}

// `signal.addEventListener('abort', …)`, `signal.onabort = …`, `signal.aborted`, `once(signal, 'abort')`:
// the signal (or `AbortSignal.timeout(ms)` itself) read for its abort, not handed to a piece of work
// in its options.
function waitsOn(facts: Facts, node: any): boolean {
  const current = outermost(facts.tree, node);
  const parent = facts.tree.parent(current);
  if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === current) return true;
  // passed as an argument of its own (`raceSignal(p, signal)`, `once(signal, 'abort')`): taken as
  // waited on; only a `{ signal }` option is what a piece of work is given
  if ((parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && parent.arguments.includes(current)) return true;
  return false;
}

// `AbortSignal.timeout(ms)`, `AbortSignal.any([…])`, or one of them as a branch: `options.signal ?? AbortSignal.timeout(ms)`
function isSignalExpression(facts: Facts, node: any): boolean {
  const expression = unwrap(node);
  if (expression?.type === 'LogicalExpression') return isSignalExpression(facts, expression.left) || isSignalExpression(facts, expression.right);
  if (expression?.type === 'ConditionalExpression') return isSignalExpression(facts, expression.consequent) || isSignalExpression(facts, expression.alternate);
  const callee = expression?.type === 'CallExpression' ? unwrap(expression.callee) : undefined;
  return callee !== undefined && ['timeout', 'any'].includes(propertyName(callee) ?? '') && facts.resolver.is(callee.object, 'AbortSignal');
}

function containsTimerCall(facts: Facts, node: any): boolean {
  return facts.tree.within(node, 'CallExpression').some((call) => {
    const builtin = facts.resolver.builtinOf(call.callee);
    return builtin?.name === 'setTimeout' || builtin?.name === 'sleep' || TIMER_NAME.test(calleeName(call) ?? '');
  });
}

export type ExecutorProblem = { problem: 'executor-shape' } | { problem: 'shadowed' | 'foreign-timer' | 'handle-wrapper'; name: string };

// `new Promise((resolve, reject) => <one statement arming a timer that settles it>)`: the timer arm;
// a problem when the executor arms a settling timer but does more than that, or calls a
// `setTimeout` that is not the platform's; undefined when it is not a timer promise at all (work,
// or a timer beside work: an executor site of its own).
export function timerExecutor(facts: Facts, newPromise: any): TimerArm | ExecutorProblem | undefined {
  const executor = unwrap(newPromise.arguments[0]);
  if (newPromise.arguments.length !== 1 || !isFunction(executor) || executor.async) return undefined;
  const params: Array<Binding | undefined> = executor.params.slice(0, 2).map((param: any) => (param.type === 'Identifier' ? facts.scopes.bindingOf(param) : undefined));
  const settleBindings = params.filter((binding): binding is Binding => binding !== undefined);
  if (settleBindings.length === 0) return undefined;
  const settles = (node: any) => settleBindings.some((binding) => binding.references.some((reference) => facts.tree.isInside(reference.node, node)));
  const calls = facts.tree.within(executor.body, 'CallExpression');
  const timers = calls.filter((call) => facts.resolver.is(call.callee, 'setTimeout'));
  const statements = executor.body.type === 'BlockStatement' ? executor.body.body : [executor.body];
  if (timers.length === 0) {
    // `setTimeout` that is some other function: a look-alike we say we leave alone
    const lookalike = calls.find((call) => calleeName(call) === 'setTimeout' && settles(call));
    if (lookalike && !statements.some((statement: any) => !facts.tree.isInside(lookalike, statement) && settles(statement))) {
      return unwrap(lookalike.callee)?.type === 'Identifier' ? { problem: 'shadowed', name: 'setTimeout' } : { problem: 'foreign-timer', name: facts.code(unwrap(lookalike.callee), 40) };
    }
    return undefined;
  }
  const timerStatements = statements.filter((statement: any) => timers.some((call) => facts.tree.isInside(call, statement)));
  // `const handler = () => reject(err); setTimeout(handler, ms)`: the callback, named first, is part of it
  const named = timers.length === 1 ? namedCallback(facts, timers[0], statements) : undefined;
  // `timeoutHandle.unref?.()` beside the timer is part of it
  const others = statements.filter((statement: any) => !timerStatements.includes(statement) && !isHandleUnref(statement) && statement !== named?.statement);
  // beside the timer, something else settles the promise: that is an executor site, not a timer arm
  if (others.some(settles)) return undefined;
  if (timers.length !== 1 || timerStatements.length !== 1 || others.length > 0) return { problem: 'executor-shape' };
  const fact = timerFact(facts, timers[0]);
  if (!fact) return { problem: 'executor-shape' };
  const timer = named ? { ...fact, callback: named.fn } : fact;
  const statement = timerStatements[0];
  if (statementOfTimer(facts, timer, executor) !== statement) {
    // `track(setTimeout(…))`: the handle goes to a function that may keep it, not only unref it
    const holder = facts.tree.parent(timer.expression);
    if (holder?.type === 'CallExpression' && holder.arguments.length === 1 && holder.arguments[0] === timer.expression && statementOfTimer(facts, { ...timer, expression: holder }, executor) === statement) return { problem: 'handle-wrapper', name: facts.code(unwrap(holder.callee), 40) };
    return { problem: 'executor-shape' };
  }
  const choice = settleChoice(facts, timer, params);
  if (choice) return { kind: 'executor', newPromise, executor, settleParam: 'resolve', settle: choice.resolve, choice: { test: choice.test, calls: choice.calls }, timer, outcome: 'resolves' };
  const settle = timerSettle(facts, timer, params);
  if (!settle) return { problem: 'executor-shape' };
  return { kind: 'executor', newPromise, executor, settleParam: settle.param, settle: settle.binding, timer, outcome: settle.param === 'reject' ? 'rejects' : 'resolves' };
}

// `const handler = () => {…}` (or `function handler() {…}`) as a statement of the executor before the
// timer, whose one use is as the timer's callback: the function the timer calls.
function namedCallback(facts: Facts, call: any, statements: readonly any[]): { statement: any; fn: any } | undefined {
  const argument = unwrap(call.arguments[0]);
  if (argument?.type !== 'Identifier') return undefined;
  const binding = facts.scopes.bindingOf(argument);
  if (!binding || binding.references.length !== 1 || binding.references[0].node !== argument) return undefined;
  const declaration = binding.declaration;
  let statement: any;
  let fn: any;
  if (binding.kind === 'function' && declaration?.type === 'FunctionDeclaration') {
    statement = declaration;
    fn = declaration;
  } else if (binding.kind === 'const' && declaration?.type === 'VariableDeclarator' && declaration.id === binding.id) {
    statement = facts.tree.parent(declaration);
    fn = unwrap(declaration.init);
    if (statement?.declarations.length !== 1) return undefined;
  }
  if (!fn || !isFunction(fn) || !statements.includes(statement) || statement.end > call.start) return undefined;
  return { statement, fn };
}

// `() => (error ? reject(error) : resolve(undefined))`, or the same as the callback's one statement:
// a settle either way. Its outcome is taken as `resolves`, the one a rule may not count on to reject.
function settleChoice(facts: Facts, timer: TimerFact, params: Array<Binding | undefined>): { test: any; calls: [any, any]; resolve: Binding } | undefined {
  const callback = timer.callback;
  if (!isFunction(callback) || callback.async || callback.params.length > 0) return undefined;
  let body = callback.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1) return undefined;
    const [statement] = body.body;
    body = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : undefined;
  }
  const conditional = unwrap(body);
  if (conditional?.type !== 'ConditionalExpression') return undefined;
  const calls = [unwrap(conditional.consequent), unwrap(conditional.alternate)];
  const bindings = calls.map((call) => (call?.type === 'CallExpression' ? facts.scopes.bindingOf(unwrap(call.callee)) : undefined));
  if (bindings.some((binding) => binding === undefined || !params.includes(binding))) return undefined;
  const [resolve] = params;
  if (!resolve || !bindings.includes(resolve) || bindings[0] === bindings[1]) return undefined;
  return { test: conditional.test, calls: calls as [any, any], resolve };
}

function isHandleUnref(statement: any): boolean {
  const call = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
  const member = unwrap(call?.callee);
  return (call?.type === 'CallExpression' || call?.type === 'OptionalCallExpression') && call.arguments.length === 0 && propertyName(member) === 'unref' && unwrap(member.object)?.type === 'Identifier';
}

// The statement of the executor that arms the timer as its whole effect: `setTimeout(…);`,
// `h = setTimeout(…);`, `this.h = setTimeout(…);`, `const h = setTimeout(…);`, or the arrow's body.
function statementOfTimer(facts: Facts, timer: TimerFact, executor: any): any {
  let current = timer.expression;
  let parent = facts.tree.parent(current);
  if (parent?.type === 'AssignmentExpression' && parent.right === current) {
    current = parent;
    parent = facts.tree.parent(current);
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === current) {
    const declaration = facts.tree.parent(parent);
    return declaration.declarations.length === 1 ? declaration : undefined;
  }
  if (parent === executor && executor.body === current) return current;
  if (parent?.type === 'ExpressionStatement') return parent;
  return undefined;
}

// `setTimeout(reject, ms, err)`, `setTimeout(() => reject(err), ms)`, `setTimeout(() => { resolve(v); }, ms)`:
// the settle function the timer calls, and nothing else.
function timerSettle(facts: Facts, timer: TimerFact, params: Array<Binding | undefined>): { param: 'resolve' | 'reject'; binding: Binding } | undefined {
  const which = (node: any): { param: 'resolve' | 'reject'; binding: Binding } | undefined => {
    const expression = unwrap(node);
    if (expression?.type !== 'Identifier') return undefined;
    const binding = facts.scopes.bindingOf(expression);
    const index = params.indexOf(binding);
    if (!binding || index === -1) return undefined;
    return { param: index === 0 ? 'resolve' : 'reject', binding };
  };
  const direct = which(timer.callback);
  if (direct) return direct;
  // the callback calls a settle function among what else it does (the rule judges the rest)
  const effects = callbackEffects(timer.callback);
  for (const effect of effects ?? []) {
    if (effect.kind === 'call') {
      const settle = which(effect.call.callee);
      if (settle) return settle;
    }
  }
  return undefined;
}

// A call of a helper: followed to its definition (a function of this file, or a method of the same
// class), where it must return one timer arm; an import is named with its source.
/** a helper this cannot take apart at the race, as found: where it is, to be changed at its definition */
export interface OpaqueHelper {
  call: any;
  fn: any;
  name: string;
  home: Facts;
  where?: string;
  /** its abort parameter's type, when it is a class of the helper's own project (not the global) */
  abortType?: string;
  /** why a signal the race passes would change what the helper does (a default it would replace, an
   * abort listener that does more than release the timer) */
  unusable?: string;
}

function helperArm(facts: Facts, call: any, depth: number, isPromise: PromiseConstructor): { kind: 'arm'; arm: TimerArm } | { kind: 'opaque'; reason: OpaqueReason; detail?: string; helper?: OpaqueHelper } | undefined {
  const { resolver, scopes } = facts;
  const callee = unwrap(call.callee);
  const name = calleeName(call) ?? '';
  if (callee?.type === 'Identifier') {
    const binding = scopes.bindingOf(callee);
    if (binding?.kind === 'import') {
      const { source, imported } = binding.imported!;
      const local = source.startsWith('.') || source.startsWith('/');
      // a function of another file of the repository: classified there, as a local helper is here
      // (or of a package of the repository's own workspaces)
      const exported = imported !== '*' ? facts.modules?.importedFunction(facts.path, source, imported) : undefined;
      if (exported) return helperOf(exported.facts, exported.fn, call, name, binding, depth, exported.where);
      if (!TIMER_NAME.test(name) && !TIMER_NAME.test(imported)) return undefined;
      return { kind: 'opaque', reason: local ? 'imported-helper' : 'package-helper', detail: source };
    }
    // `const delay = require('./delay')`: the same, where the module says what it exports
    const required = requiredImport(scopes, binding);
    const exported = required && facts.modules?.requiredFunction(facts.path, required.source, required.imported);
    if (exported) return helperOf(exported.facts, exported.fn, call, name, binding, depth, exported.where);
  }
  const local = resolver.localFunctionOf(callee);
  const fn = local?.fn ?? resolver.classMethodOf(callee);
  if (!fn) return TIMER_NAME.test(name) && (callee?.type === 'Identifier' || callee?.type === 'MemberExpression') ? { kind: 'opaque', reason: 'unknown' } : undefined;
  void isPromise;
  return helperOf(facts, fn, call, name, local?.binding, depth);
}

// What a helper gives back, classified in the file that defines it (`home`): one timer arm, or a
// choice with a timer in it, is a helper arm; anything else with a timer in it is a shape this
// cannot take apart.
function helperOf(home: Facts, fn: any, call: any, name: string, binding: Binding | undefined, depth: number, where?: string): ReturnType<typeof helperArm> {
  const elsewhere = where === undefined ? {} : { home, where };
  // `sleep(ms, signal?)` whose abort clears its timer, called without one: the race can pass one
  const found = abortableParameter(home, fn);
  if (found && 'abortType' in found) return { kind: 'opaque', reason: 'helper-shape', detail: where, helper: { call, fn, name, home, where, abortType: found.abortType } };
  if (found && 'unusable' in found) return { kind: 'opaque', reason: 'helper-shape', detail: where, helper: { call, fn, name, home, where, unusable: found.unusable } };
  const abortable = found;
  if (abortable && call.arguments.length <= abortable.index && !call.arguments.some((argument: any) => argument.type === 'SpreadElement')) {
    return { kind: 'arm', arm: { kind: 'helper', call, fn, name, binding, outcome: 'resolves', abortable, ...elsewhere } };
  }
  if (abortable && call.arguments.length === abortable.index + 1 && call.arguments[abortable.index].type !== 'SpreadElement') {
    return { kind: 'arm', arm: { kind: 'helper', call, fn, name, binding, outcome: 'resolves', abortable, signalPassed: call.arguments[abortable.index], ...elsewhere } };
  }
  const returned = returnedExpression(fn);
  if (returned === undefined) {
    // `async () => { await delay(ms); throw err; }`: a timer that rejects; an async function that
    // waits and then returns a value is work that happens to wait
    if (fn.async && containsTimerCall(home, fn) && endsInThrow(fn)) return { kind: 'opaque', reason: 'async-timer', detail: where };
    return containsTimerCall(home, fn) && TIMER_NAME.test(name) ? { kind: 'opaque', reason: 'helper-shape', detail: where } : undefined;
  }
  const inner = classifyArm(home, returned, depth + 1, (innerCallee) => home.resolver.is(innerCallee, 'Promise'));
  if (inner.role === 'timer' && inner.tails.length === 0) return { kind: 'arm', arm: { kind: 'helper', call, fn, name, binding, inner: inner.timer, outcome: inner.timer.outcome, ...elsewhere } };
  if (inner.role === 'opaque-timer' && inner.reason === 'conditional' && inner.tails.length === 0) return { kind: 'arm', arm: { kind: 'helper', call, fn, name, binding, outcome: 'resolves', ...elsewhere } };
  if (inner.role === 'timer' || inner.role === 'opaque-timer' || inner.role === 'signal-timeout') return { kind: 'opaque', reason: 'helper-shape', detail: where, helper: { call, fn, name, home, where } };
  // named as a timer and arming one, but not a timer promise this can take apart (its own Promise
  // class, a timer among other work)
  if (TIMER_NAME.test(name) && (containsTimerCall(home, fn) || home.tree.within(fn, 'CallExpression').some((inner) => /setTimeout/.test(home.code(inner.callee, 60))))) return { kind: 'opaque', reason: 'helper-shape', detail: where, helper: { call, fn, name, home, where } };
  return undefined;
}

// The parameter of a helper through which an abort clears its timer: `signal.addEventListener('abort',
// h)` (or `controller.signal.…`, `signal.onabort = h`), where `h`, or a function of the helper's file
// it calls, clears a timer. Named or typed as a signal or a controller.
function abortableParameter(home: Facts, fn: any): { index: number; kind: 'signal' | 'controller' } | { abortType: string } | { unusable: string } | undefined {
  const { tree, scopes, resolver } = home;
  // the handles of the helper's own timers: an abort that clears another one clears nothing of its
  const handles = new Set<Binding>();
  for (const call of tree.within(fn, 'CallExpression')) {
    const capture = resolver.is(call.callee, 'setTimeout') ? timerFact(home, call)?.capture : undefined;
    if (capture && (capture.kind === 'declared' || capture.kind === 'assigned')) handles.add(capture.binding);
  }
  const clearsOwn = (call: any) => {
    const cleared = unwrap(clearedBy(resolver, call));
    const binding = cleared?.type === 'Identifier' ? scopes.bindingOf(cleared) : undefined;
    return binding !== undefined && handles.has(binding);
  };
  const clearsATimer = (handler: any, depth = 0): boolean => {
    const body = isFunction(unwrap(handler)) ? unwrap(handler) : resolver.localFunctionOf(handler)?.fn;
    if (!body || depth > 1) return false;
    return tree.within(body, 'CallExpression').some((call) => clearsOwn(call) || (unwrap(call.callee)?.type === 'Identifier' && clearsATimer(call.callee, depth + 1)));
  };
  for (let index = 0; index < fn.params.length; index += 1) {
    const param = fn.params[index];
    const id = unwrapPattern(param);
    if (id.type !== 'Identifier') continue;
    const typeName = id.typeAnnotation?.typeAnnotation?.typeName?.name;
    const kind = typeName === 'AbortSignal' || (!typeName && /signal/i.test(id.name)) ? 'signal' : typeName === 'AbortController' || (!typeName && /controller/i.test(id.name)) ? 'controller' : undefined;
    if (!kind) continue;
    // typed as the helper's file's own AbortController (an import, a class of its own): the race's
    // global one need not be assignable to it (bullmq's `delay(ms, abortController?: AbortController)`)
    const ownType = typeName !== undefined && scopes.lookupFrom(resolver.scopeAt(fn), typeName) !== undefined;
    const binding = scopes.bindingOf(id);
    if (!binding || hasWrites(binding)) continue;
    let handlers: any[] = [];
    const reacts = binding.references.some((reference) => {
      const target = memberOnSignal(home, reference.node, kind);
      if (!target) return false;
      const method = propertyName(target);
      const call = tree.parent(target);
      if (method === 'addEventListener' && (call?.type === 'CallExpression' || call?.type === 'OptionalCallExpression') && call.callee === target) {
        const [event, handler] = call.arguments;
        const clears = isStringLiteral(event) && event.value === 'abort' && handler !== undefined && clearsATimer(handler);
        if (clears) handlers = [handler];
        return clears;
      }
      if (method === 'onabort' && call?.type === 'AssignmentExpression' && call.left === target && clearsATimer(call.right)) {
        handlers = [call.right];
        return true;
      }
      return false;
    });
    if (!reacts) continue;
    if (ownType) return { abortType: typeName };
    // a signal the race passes replaces a default the helper would use (`signal = shutdown.signal`)
    if (param.type === 'AssignmentPattern') return { unusable: `its parameter \`${id.name}\` has a default (\`${home.code(param.right, 40)}\`), which a signal the race passes would replace` };
    // the race aborts its signal whenever it settles: whatever the helper does with it then runs each
    // time. Every use: abort listeners that only release the timer and settle the helper's own
    // promise, their removal, `aborted`, `reason`, `throwIfAborted()`; nothing else (passed on, `onabort`)
    const other = binding.references.find((reference) => reference.node !== id && !quietSignalUse(home, reference.node, kind, fn, handlers));
    if (other) return { unusable: `it uses its signal otherwise too (\`${home.code(tree.statementOf(other.node) ?? other.node, 40)}\`), which would run each time the race settles` };
    const noisy = handlers.find((handler) => !isQuietHandler(home, handler, fn));
    if (noisy) return { unusable: `its abort listener \`${home.code(noisy, 40)}\` does more than release its timer, and would run each time the race settles` };
    // code of its own after its promise settles would run early when the race aborts it
    if (!settlesItsPromiseLast(home, fn)) return { unusable: 'it runs code of its own once its promise settles (an await before, or a chain after), which an abort when the race settles would run early' };
    // arrows have no `arguments` of their own: the nearest function that is not an arrow reads it
    const ownerOf = (node: any) => {
      let owner = tree.functionOf(node);
      while (owner?.type === 'ArrowFunctionExpression' && owner !== fn) owner = tree.functionOf(owner);
      return owner;
    };
    const readsArguments = tree.within(fn, 'Identifier').some((node: any) => node.name === 'arguments' && ownerOf(node) === fn);
    if (readsArguments) return { unusable: 'it reads `arguments`, which one more argument would change' };
    if ((fn.type === 'ClassMethod' || tree.parent(fn)?.type === 'ClassProperty') && mayBeOverridden(home, fn)) return { unusable: 'it is a method of a class that is exported or extended, which a subclass may override with other parameters' };
    return { index, kind };
  }
  return undefined;
}

// `signal.x`, or `controller.signal.x` for a controller: the member read on the signal a reference
// to the helper's parameter stands for
function memberOnSignal(home: Facts, node: any, kind: 'signal' | 'controller'): any | undefined {
  const isMember = (candidate: any) => candidate?.type === 'MemberExpression' || candidate?.type === 'OptionalMemberExpression';
  let target = home.tree.parent(node);
  if (kind === 'controller') {
    if (!isMember(target) || propertyName(target) !== 'signal') return undefined;
    target = home.tree.parent(target);
  }
  return isMember(target) ? target : undefined;
}

// `signal.addEventListener('abort', h)` with a listener found quiet, `signal.removeEventListener(…)`,
// `signal.aborted`, `signal.reason`, `signal.throwIfAborted()` (through `controller.signal` for a controller)
function quietSignalUse(home: Facts, node: any, kind: 'signal' | 'controller', fn: any, handlers: any[]): boolean {
  const { tree } = home;
  let target = tree.parent(node);
  // `if (signal)`, `signal && …`, `!signal`: a test of it
  if ((target?.type === 'IfStatement' || target?.type === 'ConditionalExpression') && target.test === node) return true;
  if (target?.type === 'LogicalExpression' && target.left === node) return true;
  if (target?.type === 'UnaryExpression' && target.operator === '!') return true;
  target = memberOnSignal(home, node, kind);
  if (!target) return false;
  const method = propertyName(target);
  const call = tree.parent(target);
  const called = (call?.type === 'CallExpression' || call?.type === 'OptionalCallExpression') && call.callee === target;
  if (method === 'aborted' || method === 'reason') return !called && !(call?.type === 'AssignmentExpression' && call.left === target);
  if (method === 'throwIfAborted' || method === 'removeEventListener') return called;
  if (method === 'addEventListener' && called) {
    const [event, handler] = call.arguments;
    if (!isStringLiteral(event) || event.value !== 'abort') return false;
    if (!handlers.includes(handler)) handlers.push(handler);
    return true;
  }
  void fn;
  return false;
}

// A method of a class that is exported, or that a class of the file extends: a subclass may
// override it (private methods cannot be)
function mayBeOverridden(home: Facts, fn: any): boolean {
  const { tree } = home;
  const owner = [...tree.ancestors(fn)].find((node: any) => node.type === 'ClassDeclaration' || node.type === 'ClassExpression');
  if (!owner) return true;
  const holder = tree.parent(owner);
  if (holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration' || owner.type === 'ClassExpression') return true;
  const name = owner.id?.name;
  return [...tree.within(tree.program, 'ClassDeclaration'), ...tree.within(tree.program, 'ClassExpression')].some((other: any) => unwrap(other.superClass)?.type === 'Identifier' && unwrap(other.superClass).name === name);
}

// The `new Promise(…)` expressions a helper gives back: its returned expression, the branches of a
// choice in it, its own `return` statements' (an async one)
function returnedPromises(home: Facts, fn: any): any[] {
  const { tree } = home;
  const found: any[] = [];
  const add = (node: any) => {
    const value = unwrap(node);
    if (value?.type === 'ConditionalExpression') {
      add(value.consequent);
      add(value.alternate);
    } else if (value?.type === 'NewExpression') found.push(value);
  };
  if (fn.body.type !== 'BlockStatement') add(fn.body);
  else for (const statement of tree.within(fn, 'ReturnStatement')) if (tree.functionOf(statement) === fn) add(statement.argument);
  return found;
}

// The helper's promise is the last thing it does: it returns `new Promise(…)` (an async one, with no
// await before), so nothing of its own runs once that promise settles.
function settlesItsPromiseLast(home: Facts, fn: any): boolean {
  const { tree } = home;
  // `new Promise(…)`, or a choice of them (`ok ? new Promise(…) : new Promise(() => {})`)
  const isNewPromise = (node: any): boolean => {
    const value = unwrap(node);
    if (value?.type === 'ConditionalExpression') return isNewPromise(value.consequent) && isNewPromise(value.alternate);
    // `Promise.resolve()`: settled already, nothing of the helper's own runs after it
    if (value?.type === 'CallExpression' && home.resolver.is(unwrap(value.callee)?.object, 'Promise') && ['resolve', 'reject'].includes(propertyName(unwrap(value.callee)) ?? '')) return value.arguments.every(isEffectFree);
    return value?.type === 'NewExpression' && unwrap(value.callee)?.type === 'Identifier' && unwrap(value.callee).name === 'Promise';
  };
  if (!fn.async) return isNewPromise(returnedExpression(fn));
  if ([...tree.within(fn, 'AwaitExpression'), ...tree.within(fn, 'YieldExpression')].some((node: any) => tree.functionOf(node) === fn)) return false;
  const returns = tree.within(fn, 'ReturnStatement').filter((node: any) => tree.functionOf(node) === fn);
  return returns.some((node: any) => isNewPromise(node.argument)) && returns.every((node: any) => !node.argument || isNewPromise(node.argument) || isEffectFree(node.argument));
}

// An abort listener that only releases: clears timers, removes listeners, settles the promise of the
// executor it is in (`resolve()`, `reject(new ErrorAborted())`), assigns a local, or calls a function
// of the file that does as much (lodestar's `onDone()`), under `if`s that only read.
function isQuietHandler(home: Facts, handler: any, helper: any, depth = 0): boolean {
  const { resolver, scopes, tree } = home;
  const fn = isFunction(unwrap(handler)) ? unwrap(handler) : resolver.localFunctionOf(handler)?.fn;
  if (!fn || depth > 2) return false;
  // the helper's own promise: an executor inside the helper
  const settles = (callee: any) => {
    const binding = callee?.type === 'Identifier' ? scopes.bindingOf(callee) : undefined;
    const executor = binding?.kind === 'param' ? binding.declaration : undefined;
    return executor !== undefined && isPromiseExecutor(home, executor) && returnedPromises(home, helper).includes(tree.parent(executor));
  };
  // a local of the helper's (`timeout = undefined`)
  const local = (node: any) => {
    const binding = unwrap(node)?.type === 'Identifier' ? scopes.bindingOf(unwrap(node)) : undefined;
    return binding !== undefined && binding.declaration !== undefined && tree.isInside(binding.declaration, helper) && binding.declaration !== helper;
  };
  // what a settle is given: effect-free, an error built of such (`new ErrorAborted(\`…${String(r)}\`)`)
  const quietArgument = (node: any): boolean => {
    const value = unwrap(node);
    if (isEffectFree(value)) return true;
    if (value?.type === 'TemplateLiteral') return value.expressions.every(quietArgument);
    if (value?.type === 'NewExpression') return unwrap(value.callee)?.type === 'Identifier' && value.arguments.every(quietArgument);
    const callee = unwrap(value?.callee);
    return value?.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'String' && resolver.isFreeAt(callee, 'String') && value.arguments.every(quietArgument);
  };
  const quietExpression = (node: any): boolean => {
    const value = unwrap(node);
    if (value?.type === 'AssignmentExpression') return local(value.left) && isEffectFree(value.right);
    if (value?.type !== 'CallExpression' && value?.type !== 'OptionalCallExpression') return false;
    const callee = unwrap(value.callee);
    if (resolver.is(value.callee, 'clearTimeout') || resolver.is(value.callee, 'clearInterval')) return true;
    if (['removeEventListener', 'removeListener', 'off'].includes(propertyName(callee) ?? '')) return value.arguments.every(isEffectFree);
    if (settles(callee)) return value.arguments.every(quietArgument);
    if (callee?.type !== 'Identifier' || value.arguments.length !== 0 || !isQuietHandler(home, callee, helper, depth + 1)) return false;
    // `let onDone = () => {}; … onDone = () => { clearTimeout(t); … }`: every function it is given
    const binding = scopes.bindingOf(callee);
    return (binding?.references ?? []).filter((reference) => reference.write).every((reference) => {
      const assignment = tree.parent(reference.node);
      return assignment?.type === 'AssignmentExpression' && assignment.left === reference.node ? isFunction(unwrap(assignment.right)) && isQuietHandler(home, assignment.right, helper, depth + 1) : binding?.declaration?.id === reference.node || reference.node === binding?.id;
    });
  };
  const quietStatement = (statement: any): boolean => {
    switch (statement?.type) {
      case 'ExpressionStatement':
        return quietExpression(statement.expression);
      case 'BlockStatement':
        return statement.body.every(quietStatement);
      case 'IfStatement':
        return isEffectFree(statement.test) && quietStatement(statement.consequent) && (!statement.alternate || quietStatement(statement.alternate));
      case 'ReturnStatement':
        return !statement.argument || quietExpression(statement.argument);
      case 'EmptyStatement':
        return true;
      default:
        return false;
    }
  };
  return fn.body.type === 'BlockStatement' ? fn.body.body.every(quietStatement) : quietExpression(fn.body);
}

function endsInThrow(fn: any): boolean {
  return fn.body.type === 'BlockStatement' && fn.body.body.at(-1)?.type === 'ThrowStatement';
}

// What a function gives back: its expression body, or its body's one `return x;`.
export function returnedExpression(fn: any): any | undefined {
  if (fn.generator) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  if (fn.async) return undefined;
  const statements = fn.body.body;
  if (statements.length !== 1 || statements[0].type !== 'ReturnStatement') return undefined;
  return statements[0].argument ?? undefined;
}

export function isTimerRole(arm: Arm): boolean {
  return arm.role === 'timer' || arm.role === 'opaque-timer' || arm.role === 'signal-timeout';
}
