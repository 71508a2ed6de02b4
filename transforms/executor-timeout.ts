import type { API, ASTPath, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { findImportOf, isGlobalName, isNodeTimersPromisesModule } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import { isFunctionLiteral, isIdentifier, isInside, propertyName, unwrapExpression } from './lib/nodes';
import { codeLine, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';
import { findEnclosingFunction, findInsertionPoint, insertBefore, isFunctionNode, type InsertionPoint } from './lib/statements';
import {
  clearTimeoutArrow,
  declareController,
  declareTimerHandle,
  enclosingFunctionNode,
  freshCopy,
  hasNamedProperty,
  hasSpreadProperty,
  isBindingReference,
  isClearTimeoutCallOf,
  isEffectFree,
  looksLikeSetTimeoutCall,
  pathTo,
  resolveSetTimeout,
  sameBindingReferences,
  timerCallOf,
  withFinally,
} from './lib/timers';

// `new Promise((resolve, reject) => { setTimeout(() => reject(err), ms); work.then(resolve, reject); })`
// settles from the work but leaves the timer armed when the work wins or fails: it fires later for
// nothing, and keeps the process up. The rewrite clears the timer as soon as the promise settles
// (`.finally()` on the promise, so every settle path of the executor is covered), and aborts a
// losing `fetch` once the timer has settled the promise. A `withTimeout(p, ms)` helper built this
// way is fixed once, at its definition.
//
// Second shape: `Promise.race([work, delay(ms).then(() => { throw err; })])` where `delay` is a sleep
// helper of this file (`ms => new Promise(r => setTimeout(r, ms))`). The helper gives no handle, so
// the race's arm becomes the helper's own timer, inlined, with its handle cleared when the race settles.
// (Races with an inline timer arm are race-timeout's; this transform never touches them.)

export const MESSAGES = {
  shadowed: {
    what: 'new Promise timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand when the promise settles, or rename the local `{name}`',
  },
  timerSideEffects: {
    what: 'new Promise timeout',
    why: 'the timer callback does more than settle the promise, and clearing the timer would skip that work',
    fix: 'keep the callback to one `reject(err)` or `resolve(fallback)` call and run the extra work after the promise settles',
  },
  unknownTimerShape: {
    what: 'new Promise timeout',
    why: 'the timer is not armed by a statement of its own in the executor body (it sits in a condition, a loop or a nested function)',
    fix: 'arm one `setTimeout(() => reject(err), ms)` directly in the executor and clear it in .finally() on the promise',
  },
  manyTimers: {
    what: 'new Promise timeout',
    why: 'the executor arms more than one timer',
    fix: 'arm one timer per promise and clear it in .finally() on the promise',
  },
  alreadyCleared: {
    what: 'new Promise timeout',
    why: 'its timer `{name}` is already cleared on every settle path',
    fix: 'nothing to do',
    severity: 'note',
  },
  handleOnMember: {
    what: 'new Promise timeout',
    why: 'the timer handle is stored on `{name}`, where other code may read, clear or replace it',
    fix: 'keep the handle in a local variable and clear it in .finally() on the promise',
  },
  handleEscapes: {
    what: 'new Promise timeout',
    why: 'the timer handle `{name}` is used for more than clearing it (returned, passed on or stored)',
    fix: 'clear the timer in .finally() on the promise and keep other uses of the handle apart',
  },
  handleShared: {
    what: 'new Promise timeout',
    why: 'the handle `{name}` is declared outside this function, or set elsewhere, so clearing it could cancel another call\'s timer',
    fix: 'declare one handle per promise inside the function and clear it in .finally() on the promise',
  },
  handleNameTaken: {
    what: 'new Promise timeout',
    why: 'the executor\'s handle `{name}` is cleared inside the executor, and the name is taken outside it, so it cannot be moved out to clear it in .finally()',
    fix: 'rename the handle, declare it before the promise and clear it in .finally() on the promise',
  },
  untypedPromise: {
    what: 'new Promise timeout',
    why: 'in TypeScript this `new Promise` takes its value type from where it is used, which `.finally()` would hide',
    fix: 'write the type argument, `new Promise<T>(...)`, then run the transform again',
  },
  unsupportedPosition: {
    what: 'new Promise timeout',
    why: 'the promise is not inside a statement or an arrow body (a class field or a parameter default), so there is nowhere to declare the handle',
    fix: 'move the promise into a function body',
  },
  fetchNotWired: {
    what: 'fetch under a new Promise timeout',
    why: 'the timer is now cleared, but the fetch is not aborted when the timeout wins: {reason}',
    fix: 'pass a `signal` to fetch and abort it from the timer callback after it settles the promise',
  },
  importedSleep: {
    what: 'Promise.race with an imported sleep helper',
    why: '`{name}` is defined in another file, so its timer cannot be cleared from here and outlives the race',
    fix: 'make `{name}` accept an AbortSignal (node:timers/promises `setTimeout(ms, value, { signal })` does) and abort it in .finally() on the race',
  },
  unknownSleepHelper: {
    what: 'Promise.race with a sleep helper',
    why: '`{name}` is not exactly `(ms) => new Promise((resolve) => setTimeout(resolve, ms))`, so its timer cannot be taken out of it safely',
    fix: 'make `{name}` accept an AbortSignal that clears its timer, and abort it in .finally() on the race',
  },
  promisifiedSleep: {
    what: 'Promise.race with a sleep helper',
    why: '`{name}` is `promisify(setTimeout)`, which gives no handle to clear',
    fix: 'call it as `{name}(ms, value, { signal })` (Node gives it the node:timers/promises signature) with a signal you abort in .finally() on the race',
  },
  sleepHandlerSideEffects: {
    what: 'Promise.race with a sleep helper',
    why: 'the handler after `{name}(...)` does more than turn the timer into the race\'s outcome, and clearing the timer would skip it',
    fix: 'keep the handler to `() => { throw err; }` and run the extra work after the race',
  },
  sleepFetchNotWired: {
    what: 'fetch raced against a sleep helper',
    why: 'the timer is now cleared, but the fetch is not aborted when the timeout wins',
    fix: 'pass a `signal` to fetch and abort it when the timeout settles the race',
  },
} satisfies MessageTable<string>;

type MessageId = keyof typeof MESSAGES;

type Refusal = SiteRefusal<MessageId>;

type Capture =
  | { kind: 'none' }
  /** `const id = setTimeout(...)` in the executor, the declaration to turn into an assignment */
  | { kind: 'executor-local'; declarationPath: ASTPath<any>; name: string; keepName: boolean }
  /** `handle = setTimeout(...)` with `let handle` declared in the enclosing function */
  | { kind: 'assigned'; name: string };

interface ExecutorPlan {
  kind: 'executor';
  newPromisePath: ASTPath<any>;
  executor: any;
  timerExpressionPath: ASTPath<any>;
  capture: Capture;
  /** the timer callback's function literal, or null for `setTimeout(reject, ms, err)` */
  timerCallback: any | null;
  clearCallee: () => any;
  timerFunction: string[];
  fetchCall?: any;
  fetchRefusal?: { node: any; reason: string };
  /** TS: `T` of the `Promise<T>` the untyped `new Promise` was inferred as, to write out */
  typeArgument?: any;
}

interface SleepPlan {
  kind: 'sleep';
  racePath: ASTPath<any>;
  sleepCallPath: ASTPath<any>;
  helper: SleepHelper;
  fetchRefusal?: any;
}

interface SleepHelper {
  name: string;
  /** the helper's `new Promise(...)`, whose type argument the inline arm keeps */
  newPromise: any;
  clearCallee: () => any;
  timerFunction: string[];
  /** the helper passes `resolve` itself (`setTimeout(resolve, ms)`), or calls it with no value */
  settle: 'direct' | 'call';
  /** TS: the helper promise's value type node (copied fresh into the inline arm) */
  valueType?: any;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependListener', 'prependOnceListener']);

const SLEEP_NAME = /^(?:delay|sleep|wait|pause|timeout|later)$|sleep|delay/i;

export const executorTimeout: Codemod = {
  name: 'executor-timeout',
  summary: 'Clears the timer of a `new Promise` timeout (and of a same-file sleep helper raced against work) as soon as the promise settles, and aborts a `fetch` that loses to it.',
  mayApply: (source) => source.includes('Promise') && (source.includes('setTimeout') || source.includes('race')),
  calls: [{ callee: 'setTimeout', inside: 'Promise' }, 'race'],
  apply: (ctx) => {
    const { j, root } = ctx;
    let changed = false;
    let allocator: ReturnType<typeof createNameAllocator> | undefined;
    const allocate = () => (allocator ??= createNameAllocator(ctx));

    // Decide every site first, on the untouched tree; then rewrite.
    const { plans, consider } = collectPlans<ExecutorPlan | SleepPlan, MessageId>(ctx, MESSAGES);
    ctx.find(j.NewExpression).forEach((path) => consider(planExecutor(ctx, path)));
    ctx.find(j.CallExpression).forEach((path) => consider(planSleepRace(ctx, path)));

    for (const plan of plans) {
      if (plan.kind === 'executor') {
        if (plan.fetchRefusal) ctx.report(plan.fetchRefusal.node, MESSAGES.fetchNotWired, { reason: plan.fetchRefusal.reason });
        recordFixedSite(ctx, executorTimeout.name, plan.newPromisePath.node);
        rewriteExecutor(ctx, plan, allocate());
      } else {
        if (plan.fetchRefusal) ctx.report(plan.fetchRefusal, MESSAGES.sleepFetchNotWired);
        recordFixedSite(ctx, executorTimeout.name, plan.racePath.node);
        rewriteSleepRace(ctx, plan, allocate());
      }
      changed = true;
    }
    return changed;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([executorTimeout], file, api, options);
}

/* ------------------------------------------------------------------------------------------------
 * new Promise executors: decide
 * ---------------------------------------------------------------------------------------------- */

interface TimerStatement {
  statementPath: ASTPath<any>;
  /** the expression that evaluates to the handle: `setTimeout(...)` or `setTimeout(...).unref()` */
  expressionPath: ASTPath<any>;
  call: any;
}

function settleNamesOf(executor: any): string[] {
  return executor.params.slice(0, 2).flatMap((param: any) => (param.type === 'Identifier' ? [param.name] : []));
}

// Does `node` use one of the executor's settle functions (as a call or passed on)?
function usesSettle(j: JSCodeshift, node: any, settleNames: string[]): boolean {
  return j(node)
    .find(j.Identifier)
    .some((path) => settleNames.includes(path.node.name) && isBindingReference(path));
}

// `setTimeout(reject, ms, err)` or `setTimeout(() => reject(err), ms)`: the timer settles the promise.
function callbackSettles(j: JSCodeshift, timerCall: any, settleNames: string[]): boolean {
  const [callback] = timerCall.arguments;
  if (!callback) return false;
  if (isIdentifier(callback)) return settleNames.includes(callback.name);
  return usesSettle(j, callback, settleNames);
}

function timerStatementOf(statementPath: ASTPath<any>): TimerStatement | undefined {
  const statement = statementPath.node;
  let expressionPath: ASTPath<any> | undefined;
  if (statement.type === 'ExpressionStatement') {
    expressionPath = statementPath.get('expression');
    if (expressionPath!.node.type === 'AssignmentExpression' && expressionPath!.node.operator === '=') expressionPath = expressionPath!.get('right');
  } else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1 && statement.declarations[0].init) {
    expressionPath = statementPath.get('declarations', 0, 'init');
  }
  if (!expressionPath) return undefined;
  const call = timerCallOf(unwrapExpression(expressionPath.node));
  return call ? { statementPath, expressionPath, call } : undefined;
}

function planExecutor(ctx: CodemodContext, newPromisePath: ASTPath<any>): ExecutorPlan | Refusal | null {
  const { j } = ctx;
  const newPromise = newPromisePath.node;
  if (!isIdentifier(newPromise.callee, 'Promise') || newPromise.arguments.length !== 1) return null;
  const executor = newPromise.arguments[0];
  if (!isFunctionLiteral(executor) || executor.body.type !== 'BlockStatement') return null;
  const settleNames = settleNamesOf(executor);
  if (settleNames.length === 0) return null;
  const executorPath = newPromisePath.get('arguments', 0);
  const statementPaths: ASTPath<any>[] = executor.body.body.map((_: any, index: number) => executorPath.get('body', 'body', index));

  // A timer that settles the promise, next to other statements that settle it from the work.
  const timers = statementPaths.map(timerStatementOf).filter((timer): timer is TimerStatement => timer !== undefined && callbackSettles(j, timer.call, settleNames));
  const timerStatements = new Set(timers.map((timer) => timer.statementPath.node));
  const workStatements = statementPaths.filter((path) => !timerStatements.has(path.node));
  const settlesFromWork = workStatements.some((path) => usesSettle(j, path.node, settleNames));
  if (!settlesFromWork) return null;
  // An event listener settling the promise is listener-timeout's: it removes the listener too.
  if (workStatements.some((path) => j(path.node).find(j.CallExpression).some((call) => LISTENER_METHODS.has(propertyName(call.node.callee) ?? '')))) return null;
  if (timers.length === 0) {
    // a settling timer somewhere deeper: a candidate we cannot fix
    const nested = j(executor.body)
      .find(j.CallExpression)
      .filter((path) => looksLikeSetTimeoutCall(path.node) && callbackSettles(j, path.node, settleNames));
    if (nested.length === 0) return null;
    // only when something other than that timer settles the promise (not `return setTimeout(resolve, ms)`)
    const nestedTimers = nested.paths().map((path) => path.node);
    const settlesApart = workStatements.some((path) => usesSettle(j, path.node, settleNames) && !nestedTimers.some((timer) => j(path.node).find(j.CallExpression).some((call) => call.node === timer)));
    return settlesApart ? { id: 'unknownTimerShape', node: nestedTimers[0] } : null;
  }
  if (timers.length > 1) return { id: 'manyTimers', node: newPromise };
  const timer = timers[0];

  if (!isGlobalName(newPromisePath, 'Promise')) return { id: 'shadowed', node: newPromise, data: { name: 'Promise' } };
  const callee = resolveSetTimeout(timer.expressionPath, timer.call.callee);
  if (callee === null) return null;
  if (!callee.ok) return { id: 'shadowed', node: timer.call, data: { name: callee.name } };

  // The callback must only settle: clearing the timer after the promise settled then skips nothing.
  const [callback, , ...extraArgs] = timer.call.arguments;
  let timerCallback: any | null;
  if (isIdentifier(callback) && settleNames.includes(callback.name)) {
    if (extraArgs.length > 1 || !extraArgs.every(isEffectFree)) return { id: 'timerSideEffects', node: callback };
    timerCallback = null;
  } else if (isFunctionLiteral(callback) && callback.params.length === 0 && !callback.async && extraArgs.length === 0) {
    const body = callback.body.type === 'BlockStatement' ? onlyExpression(callback.body) : callback.body;
    if (!isSettleCall(body, settleNames)) return { id: 'timerSideEffects', node: callback };
    timerCallback = callback;
  } else {
    return { id: 'timerSideEffects', node: callback ?? timer.call };
  }

  const capture = planCapture(ctx, newPromisePath, executor, timer);
  if ('id' in capture) return capture;
  if (capture.kind !== 'assigned' && !findInsertionPoint(newPromisePath)) return { id: 'unsupportedPosition', node: newPromise };

  let typeArgument: any;
  if (ctx.isTypeScript && !newPromise.typeParameters && !newPromise.typeArguments) {
    const contextual = contextualPromiseType(newPromisePath);
    if (contextual === 'unknown') return { id: 'untypedPromise', node: newPromise };
    typeArgument = contextual;
  }

  const plan: ExecutorPlan = {
    kind: 'executor',
    typeArgument,
    newPromisePath,
    executor,
    timerExpressionPath: timer.expressionPath,
    capture,
    timerCallback,
    clearCallee: () => callee.clearCallee(j),
    timerFunction: callee.timerFunction,
  };
  planFetch(ctx, plan, workStatements);
  return plan;
}

// Where an untyped TS `new Promise(...)` gets its value type: `T` of a `Promise<T>` annotation on the
// function it is returned from or the variable it initialises; undefined where nothing types it
// (`await new Promise(...)` into an unannotated const: `unknown` before and after); 'unknown' elsewhere.
function contextualPromiseType(newPromisePath: ASTPath<any>): any | undefined | 'unknown' {
  const parent = newPromisePath.parent?.node;
  const promiseArgument = (annotation: any) => {
    const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined;
    if (type?.type !== 'TSTypeReference' || !isIdentifier(type.typeName, 'Promise')) return 'unknown';
    const params = (type.typeParameters ?? type.typeArguments)?.params;
    return params?.length === 1 ? freshCopy(params[0]) : 'unknown';
  };
  if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === newPromisePath.node)) {
    const fn = parent.type === 'ReturnStatement' ? enclosingFunctionNode(newPromisePath) : parent;
    if (fn?.returnType) return promiseArgument(fn.returnType);
    // a declared function or method without a return type gives its returns no contextual type
    return ['FunctionDeclaration', 'ClassMethod', 'ClassPrivateMethod', 'ObjectMethod'].includes(fn?.type) ? undefined : 'unknown';
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === newPromisePath.node) {
    return parent.id.typeAnnotation ? promiseArgument(parent.id.typeAnnotation) : undefined;
  }
  if (parent?.type === 'ExpressionStatement') return undefined;
  if (parent?.type === 'AwaitExpression') {
    const holder = newPromisePath.parent.parent?.node;
    if (holder?.type === 'ExpressionStatement') return undefined;
    if (holder?.type === 'VariableDeclarator' && !holder.id.typeAnnotation) return undefined;
  }
  return 'unknown';
}

function onlyExpression(block: any): any | undefined {
  if (block.body.length !== 1 || block.body[0].type !== 'ExpressionStatement') return undefined;
  return block.body[0].expression;
}

function isSettleCall(node: any, settleNames: string[]): boolean {
  return node?.type === 'CallExpression' && isIdentifier(node.callee) && settleNames.includes(node.callee.name) && node.arguments.length <= 1 && node.arguments.every(isEffectFree);
}

function planCapture(ctx: CodemodContext, newPromisePath: ASTPath<any>, executor: any, timer: TimerStatement): Capture | Refusal {
  const { j } = ctx;
  const statement = timer.statementPath.node;
  if (statement.type === 'VariableDeclaration') {
    const declarator = statement.declarations[0];
    if (declarator.id.type !== 'Identifier') return { id: 'handleEscapes', node: statement, data: { name: codeLine(ctx, declarator.id) } };
    const name = declarator.id.name;
    const references = sameBindingReferences(j, newPromisePath.get('arguments', 0), timer.statementPath.get('declarations', 0, 'id'), name).filter((path) => path.node !== declarator.id);
    if (references.length === 0) return { kind: 'executor-local', declarationPath: timer.statementPath, name, keepName: false };
    if (!references.every((path) => isClearTimeoutCallOf(path.parent.node, name))) return { id: 'handleEscapes', node: references.find((path) => !isClearTimeoutCallOf(path.parent.node, name))!.node, data: { name } };
    if (clearsBeforeEverySettle(ctx, executor, timer, name)) return { id: 'alreadyCleared', node: newPromisePath.node, data: { name } };
    // The clears inside stay; the handle moves out under the same name, which must be free out there.
    const point = findInsertionPoint(newPromisePath);
    const owner = point ? (point.kind === 'arrow-body' ? point.arrow : findEnclosingFunction(point.statement)) : undefined;
    const takenOutside = owner
      ? owner.scope?.lookup(name) != null || j(owner.node).find(j.Identifier, { name }).some((path) => !isInside(path, executor))
      : true;
    if (takenOutside) return { id: 'handleNameTaken', node: statement, data: { name } };
    return { kind: 'executor-local', declarationPath: timer.statementPath, name, keepName: true };
  }

  const expression = timer.statementPath.node.expression;
  if (expression.type !== 'AssignmentExpression') return { kind: 'none' };
  if (expression.left.type !== 'Identifier') return { id: 'handleOnMember', node: expression, data: { name: codeLine(ctx, expression.left) } };
  const name = expression.left.name;
  const fnPath = findEnclosingFunction(newPromisePath);
  const declarators = j(fnPath.node)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .filter((path) => findEnclosingFunction(path).node === fnPath.node);
  if (declarators.length !== 1) return { id: 'handleShared', node: expression, data: { name } };
  const declarator = declarators.paths()[0];
  if (!isInside(newPromisePath, declarator.parent.parent.node) || declarator.parent.node.kind === 'const') return { id: 'handleShared', node: expression, data: { name } };
  const init = declarator.node.init;
  if (init && !(isIdentifier(init, 'undefined') || init.type === 'NullLiteral' || (init.type === 'Literal' && init.value === null))) return { id: 'handleEscapes', node: declarator.node, data: { name } };
  const references = sameBindingReferences(j, fnPath, declarator.get('id'), name).filter((path) => path.node !== declarator.node.id && path.node !== expression.left);
  for (const reference of references) {
    const parent = reference.parent.node;
    if (isClearTimeoutCallOf(parent, name)) continue;
    if (parent.type === 'AssignmentExpression' && parent.left === reference.node) return { id: 'handleShared', node: parent, data: { name } };
    return { id: 'handleEscapes', node: reference.node, data: { name } };
  }
  if (isClearedInFinallyOn(newPromisePath, name) || clearsBeforeEverySettle(ctx, executor, timer, name)) return { id: 'alreadyCleared', node: newPromisePath.node, data: { name } };
  return { kind: 'assigned', name };
}

// `new Promise(...).finally(() => clearTimeout(name))`
function isClearedInFinallyOn(newPromisePath: ASTPath<any>, name: string): boolean {
  const member = newPromisePath.parent?.node;
  const call = newPromisePath.parent?.parent?.node;
  if (member?.type !== 'MemberExpression' || member.object !== newPromisePath.node || propertyName(member) !== 'finally') return false;
  const [callback] = call?.arguments ?? [];
  if (!isFunctionLiteral(callback)) return false;
  const body = callback.body.type === 'BlockStatement' ? onlyExpression(callback.body) : callback.body;
  return isClearTimeoutCallOf(body, name);
}

// Every call of resolve/reject outside the timer has `clearTimeout(name);` in its own block, and
// neither is passed on as a value: each settle path already clears the timer.
function clearsBeforeEverySettle(ctx: CodemodContext, executor: any, timer: TimerStatement, name: string): boolean {
  const { j } = ctx;
  const settleNames = settleNamesOf(executor);
  const uses = j(executor.body)
    .find(j.Identifier)
    .filter((path) => settleNames.includes(path.node.name) && isBindingReference(path) && !isInside(path, timer.statementPath.node))
    .paths();
  if (uses.length === 0) return false;
  return uses.every((use) => {
    const call = use.parent;
    if (call?.node.type !== 'CallExpression' || call.node.callee !== use.node || call.parent?.node.type !== 'ExpressionStatement') return false;
    const list = call.parent.parentPath?.value;
    return Array.isArray(list) && list.some((statement: any) => statement.type === 'ExpressionStatement' && isClearTimeoutCallOf(statement.expression, name));
  });
}

// `reject`, `(error) => reject(error)`, `(error) => { reject(error); }`: hands a rejection to the promise and does nothing else.
function isRejectForwarder(node: any, rejectName: string | undefined): boolean {
  if (!rejectName) return false;
  if (isIdentifier(node, rejectName)) return true;
  if (!isFunctionLiteral(node) || node.async || node.params.length !== 1 || node.params[0].type !== 'Identifier') return false;
  const body = node.body.type === 'BlockStatement' ? onlyExpression(node.body) : node.body;
  return body?.type === 'CallExpression' && isIdentifier(body.callee, rejectName) && body.arguments.length === 1 && isIdentifier(body.arguments[0], node.params[0].name);
}

// A `fetch` in the work is aborted once the timer has settled the promise, but only when its
// rejection then goes straight to `reject` (a no-op by then): anything else would run on an abort.
function planFetch(ctx: CodemodContext, plan: ExecutorPlan, workStatements: ASTPath<any>[]): void {
  const { j } = ctx;
  const fetchCalls = workStatements.flatMap((statement) =>
    j(statement)
      .find(j.CallExpression, { callee: { type: 'Identifier', name: 'fetch' } })
      .filter((path) => isGlobalName(path, 'fetch'))
      .paths(),
  );
  if (fetchCalls.length === 0) return;
  const refuse = (node: any, reason: string) => {
    plan.fetchRefusal = { node, reason };
  };
  if (fetchCalls.length > 1) return refuse(fetchCalls[1].node, 'the executor starts more than one fetch');
  const fetchPath = fetchCalls[0];
  const call = fetchPath.node;
  if (call.arguments.length === 0 || call.arguments.length > 2 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) {
    return refuse(call, 'its arguments are not `(input, init?)`');
  }
  const init = call.arguments[1];
  if (init && init.type !== 'ObjectExpression') return refuse(call, 'its init is not an object literal, so it may already carry a signal');
  if (init && hasSpreadProperty(init)) return refuse(call, 'its init spreads another object that may carry a signal');
  if (init && hasNamedProperty(init, 'signal')) return; // the caller's own signal: left as it is
  const rejectName = plan.executor.params[1]?.type === 'Identifier' ? plan.executor.params[1].name : undefined;
  if (!rejectsOnlyThroughReject(fetchPath, plan.executor, rejectName)) {
    return refuse(call, 'its rejection is not handed straight to `reject`, so an abort would run other code or go unhandled');
  }
  if (plan.timerCallback === null) return refuse(call, 'the timer settles through `setTimeout(settle, ms, value)`, with no callback to abort from');
  if (!isGlobalName(plan.newPromisePath, 'AbortController')) return refuse(call, '`AbortController` is not the global here');
  if (!findInsertionPoint(plan.newPromisePath)) return refuse(call, 'there is no statement before the promise to declare the controller in');
  plan.fetchCall = call;
}

function rejectsOnlyThroughReject(fetchPath: ASTPath<any>, executor: any, rejectName: string | undefined): boolean {
  // fetch(...).then(f)...then(resolve, reject)  or  ....catch(reject), as one statement of the executor
  let chain: ASTPath<any> = fetchPath;
  while (chain.parent?.node.type === 'MemberExpression' && chain.parent.node.object === chain.node && chain.parent.parent?.node.type === 'CallExpression' && chain.parent.parent.node.callee === chain.parent.node) {
    const method = propertyName(chain.parent.node);
    const args = chain.parent.parent.node.arguments;
    chain = chain.parent.parent;
    const isLast = !(chain.parent?.node.type === 'MemberExpression' && chain.parent.node.object === chain.node);
    if (method === 'then' && args.length === 1) continue;
    if ((method === 'then' && args.length === 2 && isRejectForwarder(args[1], rejectName)) || (method === 'catch' && args.length === 1 && isRejectForwarder(args[0], rejectName))) {
      return isLast && chain.parent?.node.type === 'ExpressionStatement' && chain.parent.parent?.node === executor.body;
    }
    return false;
  }
  // (async () => { try { ... await fetch(...) ... } catch (error) { reject(error); } })();
  if (chain.parent?.node.type !== 'AwaitExpression') return false;
  for (let current: ASTPath<any> | null = chain.parent; current && current.node !== executor; current = current.parent) {
    if (isFunctionNode(current.node)) {
      const fn = current.node;
      if (!fn.async || !isImmediatelyCalledStatement(current, executor)) return false;
      break;
    }
    if (current.node.type === 'TryStatement' && isInside(chain, current.node.block)) {
      const handler = current.node.handler;
      if (!handler || current.node.finalizer || handler.param?.type !== 'Identifier') return false;
      const only = onlyExpression(handler.body);
      if (!(only?.type === 'CallExpression' && isIdentifier(only.callee, rejectName) && only.arguments.length === 1 && isIdentifier(only.arguments[0], handler.param.name))) return false;
      // the try must be the function's whole body, so nothing runs after the catch
      const fnPath = findEnclosingFunction(current);
      if (fnPath.node.body.type !== 'BlockStatement' || fnPath.node.body.body.length !== 1 || fnPath.node.body.body[0] !== current.node) return false;
      return isImmediatelyCalledStatement(fnPath, executor) && fnPath.node.async;
    }
  }
  return false;
}

// `(async () => { ... })();` as a statement of the executor body.
function isImmediatelyCalledStatement(fnPath: ASTPath<any>, executor: any): boolean {
  let current: ASTPath<any> = fnPath;
  while (current.parent?.node.type === 'ParenthesizedExpression') current = current.parent;
  const call = current.parent;
  if (call?.node.type !== 'CallExpression' || call.node.callee !== current.node || call.node.arguments.length !== 0) return false;
  let statement: ASTPath<any> = call;
  if (statement.parent?.node.type === 'UnaryExpression' && statement.parent.node.operator === 'void') statement = statement.parent;
  return statement.parent?.node.type === 'ExpressionStatement' && statement.parent.parent?.node === executor.body;
}

/* ------------------------------------------------------------------------------------------------
 * new Promise executors: rewrite
 * ---------------------------------------------------------------------------------------------- */

function rewriteExecutor(ctx: CodemodContext, plan: ExecutorPlan, allocate: ReturnType<typeof createNameAllocator>): void {
  const { j } = ctx;
  const point = findInsertionPoint(plan.newPromisePath);
  const declaredIn = point ? (point.kind === 'arrow-body' ? point.arrow : findEnclosingFunction(point.statement)) : undefined;
  const declarations: any[] = [];
  let handleName: string;
  const capture = plan.capture;
  if (capture.kind === 'assigned') {
    handleName = capture.name;
  } else {
    handleName = capture.kind === 'executor-local' && capture.keepName ? capture.name : allocate('timerHandle', declaredIn);
    // let timerHandle: ReturnType<typeof setTimeout> | undefined;
    declarations.push(declareTimerHandle(j, ctx.isTypeScript, handleName, plan.timerFunction));
    // timerHandle = setTimeout(...)
    const assignment = j.assignmentExpression('=', j.identifier(handleName), plan.timerExpressionPath.node);
    if (capture.kind === 'executor-local') {
      const replacement: any = j.expressionStatement(assignment);
      replacement.comments = capture.declarationPath.node.comments;
      capture.declarationPath.replace(replacement);
    } else {
      plan.timerExpressionPath.replace(assignment);
    }
  }
  if (plan.fetchCall) {
    const controllerName = allocate('fetchController', declaredIn);
    declarations.push(declareController(j, controllerName));
    // signal: fetchController.signal
    const property = j.objectProperty(j.identifier('signal'), j.memberExpression(j.identifier(controllerName), j.identifier('signal')));
    const init = plan.fetchCall.arguments[1];
    if (init) init.properties.push(property);
    else plan.fetchCall.arguments.push(j.objectExpression([property]));
    // The abort runs after the settle call, so the promise already holds the timeout's outcome when
    // the fetch rejects with its AbortError (which then goes to a reject that does nothing).
    const abort = j.expressionStatement(j.callExpression(j.memberExpression(j.identifier(controllerName), j.identifier('abort')), []));
    const callback = plan.timerCallback;
    if (callback.body.type === 'BlockStatement') callback.body.body.push(abort);
    else callback.body = j.blockStatement([j.expressionStatement(callback.body), abort]);
  }
  if (plan.typeArgument) plan.newPromisePath.node.typeParameters = j.tsTypeParameterInstantiation([plan.typeArgument]);
  // new Promise(...).finally(() => clearTimeout(timerHandle))
  plan.newPromisePath.replace(withFinally(j, plan.newPromisePath.node, clearTimeoutArrow(j, plan.clearCallee(), handleName)));
  if (declarations.length > 0) insertBefore(j, point as InsertionPoint, declarations);
}

/* ------------------------------------------------------------------------------------------------
 * Sleep helpers raced against work
 * ---------------------------------------------------------------------------------------------- */

function planSleepRace(ctx: CodemodContext, racePath: ASTPath<any>): SleepPlan | Refusal | null {
  const { j } = ctx;
  const race = racePath.node;
  if (propertyName(race.callee) !== 'race' || !isIdentifier(race.callee.object, 'Promise')) return null;
  if (race.arguments.length !== 1 || race.arguments[0].type !== 'ArrayExpression') return null;
  const elements = race.arguments[0].elements;
  const sleepArms: Array<{ path: ASTPath<any>; call: any; then?: any }> = [];
  elements.forEach((element: any, index: number) => {
    const node = unwrapExpression(element);
    let call = node;
    let then: any;
    if (node?.type === 'CallExpression' && propertyName(node.callee) === 'then' && node.arguments.length === 1) {
      then = node.arguments[0];
      call = unwrapExpression(node.callee.object);
    }
    if (call?.type !== 'CallExpression' || !isIdentifier(call.callee) || !SLEEP_NAME.test(call.callee.name)) return;
    const callPath = pathTo(racePath.get('arguments', 0, 'elements', index), call);
    if (callPath) sleepArms.push({ path: callPath, call, then });
  });
  if (sleepArms.length !== 1 || elements.length < 2) return null;
  // a race that also has a timer of its own is race-timeout's
  if (j(race.arguments[0]).find(j.CallExpression).some((path) => looksLikeSetTimeoutCall(path.node))) return null;
  const arm = sleepArms[0];
  const name = arm.call.callee.name;
  // timers/promises' setTimeout is race-timeout's
  const origin = findImportOf(arm.path, name);
  if (origin && isNodeTimersPromisesModule(origin.source)) return null;
  if (!isGlobalName(racePath, 'Promise')) return null; // race-timeout reports a shadowed Promise
  if (origin) return { id: 'importedSleep', node: arm.call, data: { name } };
  const helper = findSleepHelper(ctx, arm.path, name);
  if (helper === undefined) return null; // not declared in this file as a function: not ours to judge
  if ('id' in helper) return helper;
  if (arm.call.arguments.length !== 1 || !isEffectFree(arm.call.arguments[0]) || arm.call.arguments[0].type === 'SpreadElement') {
    return { id: 'unknownSleepHelper', node: arm.call, data: { name } };
  }
  if (arm.then && !isPureTimeoutHandler(arm.then)) return { id: 'sleepHandlerSideEffects', node: arm.then, data: { name } };
  if (!findInsertionPoint(racePath)) return { id: 'unsupportedPosition', node: race };
  const plan: SleepPlan = { kind: 'sleep', racePath, sleepCallPath: arm.path, helper };
  const fetchCall = elements.map((element: any) => headCall(unwrapExpression(element))).find((call: any) => call && isIdentifier(call.callee, 'fetch'));
  if (fetchCall) plan.fetchRefusal = fetchCall;
  return plan;
}

function headCall(node: any): any {
  let call = node;
  while (call?.type === 'CallExpression' && ['then', 'catch', 'finally'].includes(propertyName(call.callee) ?? '')) call = unwrapExpression(call.callee.object);
  return call?.type === 'CallExpression' ? call : undefined;
}

// `() => { throw err; }`, `() => Promise.reject(err)`, `() => FALLBACK`: the handler only turns the timer into the outcome.
function isPureTimeoutHandler(handler: any): boolean {
  if (!isFunctionLiteral(handler) || handler.async || handler.params.length > 1) return false;
  const body = handler.body;
  if (body.type !== 'BlockStatement') return isEffectFree(body) || isPromiseRejectOf(body);
  if (body.body.length !== 1) return false;
  const [statement] = body.body;
  if (statement.type !== 'ThrowStatement' && statement.type !== 'ReturnStatement') return false;
  return statement.argument == null || isEffectFree(statement.argument) || isPromiseRejectOf(statement.argument);
}

function isPromiseRejectOf(node: any): boolean {
  return node?.type === 'CallExpression' && propertyName(node.callee) === 'reject' && isIdentifier(node.callee.object, 'Promise') && node.arguments.every(isEffectFree);
}

// `const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));` or the function
// declaration, bound to the name the race calls. Undefined when the name is not a function of this file.
function findSleepHelper(ctx: CodemodContext, callPath: ASTPath<any>, name: string): SleepHelper | Refusal | undefined {
  const { j } = ctx;
  const scope = callPath.scope?.lookup(name);
  if (!scope) return undefined;
  const bindings = scope.getBindings()[name] as ASTPath<any>[] | undefined;
  if (!bindings || bindings.length !== 1) return undefined;
  const idPath = bindings[0];
  const holder = idPath.parent?.node;
  let fn: any;
  if (holder?.type === 'FunctionDeclaration' && holder.id === idPath.node) fn = holder;
  else if (holder?.type === 'VariableDeclarator' && holder.id === idPath.node && idPath.parent.parent.node.kind === 'const' && isFunctionLiteral(unwrapExpression(holder.init))) fn = unwrapExpression(holder.init);
  else if (holder?.type === 'VariableDeclarator' && holder.id === idPath.node && isPromisifiedSetTimeout(holder.init)) return { id: 'promisifiedSleep', node: callPath.node, data: { name } };
  else return undefined;
  const refuse: Refusal = { id: 'unknownSleepHelper', node: callPath.node, data: { name } };
  if (fn.async || fn.generator || fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return refuse;
  const ms = fn.params[0].name;
  let body = fn.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.body[0].type !== 'ReturnStatement') return refuse;
    body = body.body[0].argument;
  }
  const newPromise = unwrapExpression(body);
  if (newPromise?.type !== 'NewExpression' || !isIdentifier(newPromise.callee, 'Promise') || newPromise.arguments.length !== 1) return refuse;
  const executor = newPromise.arguments[0];
  if (!isFunctionLiteral(executor) || executor.params.length !== 1 || executor.params[0].type !== 'Identifier') return refuse;
  const resolveName = executor.params[0].name;
  const timerCall = executor.body.type === 'BlockStatement' ? onlyExpression(executor.body) : executor.body;
  if (!looksLikeSetTimeoutCall(timerCall) || timerCall.arguments.length !== 2 || !isIdentifier(timerCall.arguments[1], ms)) return refuse;
  const [callback] = timerCall.arguments;
  let settle: SleepHelper['settle'];
  if (isIdentifier(callback, resolveName)) settle = 'direct';
  else if (isFunctionLiteral(callback) && callback.params.length === 0) {
    const call = callback.body.type === 'BlockStatement' ? onlyExpression(callback.body) : callback.body;
    if (call?.type !== 'CallExpression' || !isIdentifier(call.callee, resolveName) || call.arguments.length !== 0) return refuse;
    settle = 'call';
  } else return refuse;
  // The helper's own Promise and setTimeout must be the globals, seen from the helper.
  const helperPath = pathTo(idPath.parent.node.type === 'FunctionDeclaration' ? idPath.parent : idPath.parent.get('init'), newPromise);
  if (!helperPath || !isGlobalName(helperPath, 'Promise')) return refuse;
  const timerPath = pathTo(helperPath, timerCall);
  const callee = timerPath ? resolveSetTimeout(timerPath, timerCall.callee) : null;
  if (!callee || !callee.ok) return refuse;
  // and the race's file must reach the same functions from the race
  const raceCallee = resolveSetTimeout(callPath, j.identifier(timerCall.callee.type === 'Identifier' ? timerCall.callee.name : 'setTimeout'));
  if (timerCall.callee.type === 'Identifier' && (!raceCallee || !raceCallee.ok)) return refuse;
  if (timerCall.callee.type !== 'Identifier' && !isGlobalName(callPath, timerCall.callee.object.name)) return refuse;
  if (!isGlobalName(callPath, 'Promise')) return refuse;
  // TS: the inline arm keeps the helper's value type: its `new Promise<T>`, its `Promise<T>` return type, or `unknown`
  const ownType = (newPromise.typeParameters ?? newPromise.typeArguments)?.params;
  const returnType = fn.returnType?.typeAnnotation;
  const valueType =
    ownType?.length === 1
      ? ownType[0]
      : returnType?.type === 'TSTypeReference' && isIdentifier(returnType.typeName, 'Promise') && (returnType.typeParameters ?? returnType.typeArguments)?.params.length === 1
        ? (returnType.typeParameters ?? returnType.typeArguments).params[0]
        : undefined;
  return { name, newPromise, clearCallee: () => callee.clearCallee(j), timerFunction: callee.timerFunction, settle, valueType };
}

// `promisify(setTimeout)`, `util.promisify(setTimeout)`
function isPromisifiedSetTimeout(init: any): boolean {
  const call = unwrapExpression(init);
  if (call?.type !== 'CallExpression' || call.arguments.length !== 1 || !isIdentifier(call.arguments[0], 'setTimeout')) return false;
  return isIdentifier(call.callee, 'promisify') || propertyName(call.callee) === 'promisify';
}

function rewriteSleepRace(ctx: CodemodContext, plan: SleepPlan, allocate: ReturnType<typeof createNameAllocator>): void {
  const { j } = ctx;
  const point = findInsertionPoint(plan.racePath)!;
  const declaredIn = point.kind === 'arrow-body' ? point.arrow : findEnclosingFunction(point.statement);
  const handleName = allocate('timerHandle', declaredIn);
  const resolveName = allocate('resolve', declaredIn);
  const helper = plan.helper;
  const [msArgument] = plan.sleepCallPath.node.arguments;
  // setTimeout(resolve, ms)  or  setTimeout(() => resolve(), ms)
  const timerCallee = helper.timerFunction.length === 1 ? j.identifier(helper.timerFunction[0]) : j.memberExpression(j.identifier(helper.timerFunction[0]), j.identifier(helper.timerFunction[1]));
  const callback = helper.settle === 'direct' ? j.identifier(resolveName) : j.arrowFunctionExpression([], j.callExpression(j.identifier(resolveName), []));
  // new Promise<void>((resolve) => { timerHandle = setTimeout(resolve, ms); })
  const executor = j.arrowFunctionExpression(
    [j.identifier(resolveName)],
    j.blockStatement([j.expressionStatement(j.assignmentExpression('=', j.identifier(handleName), j.callExpression(timerCallee, [callback, msArgument])))]),
  );
  const inline: any = j.newExpression(j.identifier('Promise'), [executor]);
  if (ctx.isTypeScript) inline.typeParameters = j.tsTypeParameterInstantiation([helper.valueType ? freshCopy(helper.valueType) : j.tsUnknownKeyword()]);
  inline.comments = plan.sleepCallPath.node.comments;
  plan.sleepCallPath.replace(inline);
  const race = plan.racePath.node;
  plan.racePath.replace(withFinally(j, race, clearTimeoutArrow(j, helper.clearCallee(), handleName)));
  insertBefore(j, point, [declareTimerHandle(j, ctx.isTypeScript, handleName, helper.timerFunction)]);
}
