import type { API, ASTPath, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { findImportOf, isGlobalName, isNodeTimersModule, isNodeTimersPromisesModule } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import { isIdentifier, isInside, isReference, isStringLiteral, propertyName, unwrapExpression } from './lib/nodes';
import { isEffectFree, pathTo } from './lib/timers';
import { codeLine, codeOf, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';
import { findEnclosingFunction, findInsertionPoint, insertBefore, isFunctionNode, type InsertionPoint } from './lib/statements';

// Promise.race([work, new Promise((_, reject) => setTimeout(() => reject(err), ms))]) leaves the
// timer armed when the work wins, and leaves the work running when the timer wins: Go's forgotten
// sender. The rewrite clears the timer as soon as the race settles, on every path, and aborts a
// losing `fetch` once the timer has settled the race.

export const MESSAGES = {
  noTimerArm: {
    what: 'Promise.race with a timeout helper',
    why: 'the timeout arm `{arm}` is not a timer this transform can see into, so nothing here can clear it',
    fix: 'make the helper cancellable (return a handle or accept an AbortSignal) and clear it in .finally() on the race',
  },
  abortSignalTimeout: {
    what: 'Promise.race against AbortSignal.timeout()',
    why: 'an AbortSignal.timeout() timer cannot be cleared; it is unref()ed and holds only its signal',
    fix: 'pass the signal to the work itself instead of racing it',
  },
  nonGlobalPromise: {
    what: 'timeout race on `{object}.race`',
    why: '`{object}` may not be the built-in Promise and may lack .finally()',
    fix: 'race with the global Promise, or clear the timer in both settle handlers',
  },
  shadowed: {
    what: 'Promise.race timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand when the race settles, or rename the local `{name}`',
  },
  alreadyCleared: {
    what: 'Promise.race timeout',
    why: 'its timer `{name}` is already cleared on every path',
    fix: 'nothing to do',
    severity: 'note',
  },
  clearedElsewhere: {
    what: 'Promise.race timeout',
    why: 'the timer handle `{name}` is cleared on a path this transform cannot prove runs when the race settles',
    fix: 'clear it in .finally() on the race and drop the other clearTimeout',
  },
  handleOnMember: {
    what: 'Promise.race timeout',
    why: 'the timer handle is stored on `{name}`, where other code may read, clear or replace it',
    fix: 'keep the handle in a local variable and clear it in .finally() on the race',
  },
  handleEscapes: {
    what: 'Promise.race timeout',
    why: 'the timer handle `{name}` is used outside the race (returned, passed on or stored)',
    fix: 'clear the timer in .finally() on the race and keep other uses of the handle apart',
  },
  handleShared: {
    what: 'Promise.race timeout',
    why: 'the handle `{name}` is declared outside this function or set by another timer, so clearing it could cancel another call\'s timer',
    fix: 'declare one handle per race inside the function and clear it in .finally() on the race',
  },
  timerSideEffects: {
    what: 'Promise.race timeout',
    why: 'the timer callback does more than settle the timeout promise, and clearing the timer would skip that work',
    fix: 'move the extra work after the race, then clear the timer in .finally() on the race',
  },
  unsupportedPosition: {
    what: 'Promise.race timeout',
    why: 'the race is not inside a statement or an arrow body (a class field or a parameter default), so there is nowhere to declare the handle',
    fix: 'move the race into a function body',
  },
  manyTimerArms: {
    what: 'Promise.race timeout',
    why: 'the race has more than one timer arm',
    fix: 'race against one timer and clear it in .finally() on the race',
  },
  unknownTimerShape: {
    what: 'Promise.race timeout',
    why: 'the timer arm `new Promise(...)` does more than arm one setTimeout that settles it',
    fix: 'keep the executor to one `setTimeout(() => reject(err), ms)` and clear the handle in .finally() on the race',
  },
  sleepHasOptions: {
    what: 'Promise.race timeout',
    why: 'the timers/promises arm already receives options `{name}` this transform cannot extend safely',
    fix: 'pass `signal` from an AbortController that you abort in .finally() on the race',
  },
  fetchNotWired: {
    what: 'fetch raced against a timeout',
    why: 'the timer is now cleared, but the fetch is not aborted when the timeout wins: {reason}',
    fix: 'pass a `signal` to fetch and abort it from the timer callback after it settles the race',
  },
} satisfies MessageTable<string>;

type MessageId = keyof typeof MESSAGES;

type Refusal = SiteRefusal<MessageId>;

type SettleKind = 'reject' | 'resolve';

interface SetTimeoutArm {
  kind: 'setTimeout';
  /** the race element (or the const's init) that evaluates to the timer promise */
  armPath: ASTPath<any>;
  newPromisePath: ASTPath<any>;
  executor: any;
  /** the `setTimeout(...)` call, or the `.unref()` call chained on it */
  timerExpressionPath: ASTPath<any>;
  setTimeoutCall: any;
  /** how the handle is captured today */
  capture:
    | { kind: 'none' }
    | { kind: 'assigned'; name: string; assignmentPath: ASTPath<any> }
    | { kind: 'executor-const'; declarationPath: ASTPath<any> };
  /** the callback's single settle call, or null for `setTimeout(reject, ms, err)` */
  settleCall: any | null;
  /** `clearTimeout`, `window.clearTimeout` or `globalThis.clearTimeout`, as the file must spell it */
  clearCallee: () => any;
  /** what `typeof` names for the handle's type: ['setTimeout'] or ['window', 'setTimeout'] */
  timerFunction: string[];
}

interface SleepArm {
  kind: 'sleep';
  armPath: ASTPath<any>;
  sleepCall: any;
}

type TimerArm = SetTimeoutArm | SleepArm;

interface RacePlan {
  racePath: ASTPath<any>;
  timer: TimerArm;
  /** a const holding the timer arm, declared before the race */
  armDeclaration?: ASTPath<any>;
  /** existing handle name to reuse (captured by the code today) */
  existingHandle?: string;
  /** `clearTimeout(handle);` that runs only when the awaited race fulfils: it moves into .finally() */
  successOnlyClear?: ASTPath<any>;
  fetchCalls: any[];
  fetchRefusal?: { node: any; reason: string };
  /** a `fetch` that is not the global: its abort semantics are unknown, so the race is left alone */
  fetchShadowed?: any;
}

const TIMEOUTISH = /settimeout|sleep|delay|wait|timeout|timer|deadline/i; // text bail-out only

export const raceTimeout: Codemod = {
  name: 'race-timeout',
  summary: 'Clears the timer of a `Promise.race` timeout as soon as the race settles, and aborts a `fetch` that loses to it.',
  mayApply: (source) => source.includes('race') && TIMEOUTISH.test(source),
  calls: ['race'],
  apply: (ctx) => {
    const { j, root } = ctx;
    let changed = false;
    const allocateName = lazy(() => createNameAllocator(ctx));
    const raceCalls = ctx.find(j.CallExpression).filter((path) => isRaceCall(path.node));
    raceCalls.forEach((racePath) => {
      const decision = planRace(ctx, racePath);
      if (decision === null) return;
      if ('id' in decision) {
        ctx.report(decision.node, MESSAGES[decision.id], decision.data);
        return;
      }
      if (decision.fetchRefusal) {
        ctx.report(decision.fetchRefusal.node, MESSAGES.fetchNotWired, { reason: decision.fetchRefusal.reason });
      }
      recordFixedSite(ctx, raceTimeout.name, decision.racePath.node);
      rewriteRace(ctx, decision, allocateName());
      changed = true;
    });
    return changed;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([raceTimeout], file, api, options);
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/* ------------------------------------------------------------------------------------------------
 * Matching
 * ---------------------------------------------------------------------------------------------- */

function isRaceCall(node: any): boolean {
  const callee = node.callee;
  return callee?.type === 'MemberExpression' && propertyName(callee) === 'race';
}

// A name that says "timer": `timeout`, `delay(ms)`, `sleep`, `wait`, `rejectAfterTimeout`, `deadlineTimer`.
const TIMER_NAME = /^(?:wait|sleep|delay)$|timeout|timer|deadline|sleep|delay/i;

// An arm that looks like a timeout: it calls setTimeout somewhere, or its head (the identifier,
// or the callee at the start of a `.then()` chain) has a timer's name.
function looksLikeTimeoutArm(j: JSCodeshift, node: any): boolean {
  if (j(node).find(j.Identifier, { name: 'setTimeout' }).length > 0 || isIdentifier(node, 'setTimeout')) return true;
  let head = unwrapExpression(node);
  for (;;) {
    if (head?.type === 'CallExpression' || head?.type === 'NewExpression') head = unwrapExpression(head.callee);
    else if (head?.type === 'MemberExpression' || head?.type === 'OptionalMemberExpression') {
      const name = propertyName(head);
      if (name !== undefined && !['then', 'catch', 'finally', 'promise'].includes(name)) return TIMER_NAME.test(name);
      head = unwrapExpression(head.object);
    } else break;
  }
  if (head?.type === 'Identifier') return TIMER_NAME.test(head.name);
  if (head?.type === 'PrivateName' || head?.type === 'PrivateIdentifier') return false;
  return false;
}

function containsAbortSignalTimeout(j: JSCodeshift, node: any): boolean {
  return (
    j(node)
      .find(j.MemberExpression, { object: { type: 'Identifier', name: 'AbortSignal' } })
      .filter((path) => propertyName(path.node) === 'timeout').length > 0
  );
}

// An arm that listens to a signal made by `AbortSignal.timeout()` in the same function.
function usesAbortSignalTimeout(j: JSCodeshift, racePath: ASTPath<any>, armPath: ASTPath<any>): boolean {
  if (containsAbortSignalTimeout(j, armPath.node)) return true;
  const fn = findEnclosingFunction(racePath);
  const names = new Set<string>();
  j(armPath.node)
    .find(j.Identifier)
    .forEach((path) => {
      names.add(path.node.name);
    });
  return (
    j(fn.node)
      .find(j.VariableDeclarator)
      .filter((path) => path.node.id.type === 'Identifier' && names.has(path.node.id.name) && path.node.init != null && containsAbortSignalTimeout(j, path.node.init)).length > 0
  );
}

// `setTimeout`, `window.setTimeout` or `globalThis.setTimeout`, bound to the platform timer.
function describeSetTimeoutCallee(path: ASTPath<any>, callee: any): { ok: true; clearCallee: (j: JSCodeshift) => any; timerFunction: string[] } | { ok: false; name: string } | null {
  if (isIdentifier(callee, 'setTimeout') || (callee.type === 'Identifier' && findImportOf(path, callee.name)?.imported === 'setTimeout' && isNodeTimersModule(findImportOf(path, callee.name)!.source))) {
    const clearCallee = clearCalleeFor(path);
    if (!clearCallee) return { ok: false, name: 'clearTimeout' };
    if (isGlobalName(path, callee.name)) {
      return { ok: true, clearCallee, timerFunction: ['setTimeout'] };
    }
    const origin = findImportOf(path, callee.name);
    if (origin && isNodeTimersModule(origin.source) && origin.imported === 'setTimeout') {
      return { ok: true, clearCallee, timerFunction: [callee.name] };
    }
    return { ok: false, name: callee.name };
  }
  if (callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property, 'setTimeout') && callee.object.type === 'Identifier') {
    const owner = callee.object.name;
    if (owner !== 'window' && owner !== 'globalThis') return null;
    if (!isGlobalName(path, owner)) return { ok: false, name: owner };
    return {
      ok: true,
      clearCallee: (j) => j.memberExpression(j.identifier(owner), j.identifier('clearTimeout')),
      timerFunction: [owner, 'setTimeout'],
    };
  }
  return null;
}

// Node's `clearTimeout` and the global one are the same function; a shadowed global is reached through globalThis.
function clearCalleeFor(path: ASTPath<any>): ((j: JSCodeshift) => any) | null {
  if (isGlobalName(path, 'clearTimeout')) return (j) => j.identifier('clearTimeout');
  const origin = findImportOf(path, 'clearTimeout');
  if (origin && isNodeTimersModule(origin.source) && origin.imported === 'clearTimeout') return (j) => j.identifier('clearTimeout');
  if (!isGlobalName(path, 'globalThis')) return null;
  return (j) => j.memberExpression(j.identifier('globalThis'), j.identifier('clearTimeout'));
}

function isSetTimeoutLike(node: any): boolean {
  const callee = node?.type === 'CallExpression' ? node.callee : undefined;
  if (!callee) return false;
  if (isIdentifier(callee, 'setTimeout')) return true;
  return callee.type === 'MemberExpression' && isIdentifier(callee.property, 'setTimeout');
}

/* ------------------------------------------------------------------------------------------------
 * Safety: decide first, rewrite after
 * ---------------------------------------------------------------------------------------------- */

function planRace(ctx: CodemodContext, racePath: ASTPath<any>): RacePlan | Refusal | null {
  const { j } = ctx;
  const race = racePath.node;
  const arrayArg = race.arguments[0];
  if (race.arguments.length !== 1 || arrayArg?.type !== 'ArrayExpression') return null;
  const elementsPath = racePath.get('arguments', 0, 'elements');

  // Resolve `const timeout = new Promise(...)` declared before the race.
  const elements: Array<{ path: ASTPath<any>; declaration?: ASTPath<any> }> = [];
  for (let index = 0; index < arrayArg.elements.length; index += 1) {
    const elementPath: ASTPath<any> = elementsPath.get(index);
    const element = elementPath.node;
    if (!element || element.type === 'SpreadElement') return null;
    const local = element.type === 'Identifier' ? findLocalConstArm(j, racePath, element.name) : undefined;
    elements.push(local ? { path: local.initPath, declaration: local.declarationPath } : { path: elementPath });
  }

  // `AbortSignal` can only be read in a file that spells it (an escaped `\u0041bortSignal` aside)
  const mayUseSignalTimeout = /AbortSignal|\\u/.test(ctx.file.source);
  const signalTimeout = mayUseSignalTimeout && elements.some(({ path }) => usesAbortSignalTimeout(j, racePath, path));
  const timeoutish = signalTimeout || elements.some(({ path }) => looksLikeTimeoutArm(j, path.node));
  if (!timeoutish) return null;

  const callee = race.callee;
  const promiseObject = callee.object;
  if (!isIdentifier(promiseObject, 'Promise')) {
    return { id: 'nonGlobalPromise', node: race, data: { object: codeOf(ctx, promiseObject) } };
  }
  if (!isGlobalName(racePath, 'Promise')) return { id: 'shadowed', node: race, data: { name: 'Promise' } };

  if (signalTimeout) return { id: 'abortSignalTimeout', node: race };

  const arms: Array<TimerArm | Refusal> = [];
  const workPaths: ASTPath<any>[] = [];
  let armDeclaration: ASTPath<any> | undefined;
  for (const element of elements) {
    const arm = matchTimerArm(ctx, element.path);
    if (arm) {
      arms.push(arm);
      armDeclaration = element.declaration;
    } else {
      workPaths.push(element.path);
    }
  }
  const refusal = arms.find((arm): arm is Refusal => 'id' in arm);
  if (refusal) return refusal;
  const timers = arms as TimerArm[];
  if (timers.length > 1) return { id: 'manyTimerArms', node: race };
  if (timers.length === 0) {
    const helper = elements.find(({ path }) => looksLikeTimeoutArm(j, path.node));
    return { id: 'noTimerArm', node: race, data: { arm: codeLine(ctx, helper!.path.node) } };
  }
  if (workPaths.length === 0) return null;
  const timer = timers[0];

  const plan: RacePlan = { racePath, timer, armDeclaration, fetchCalls: [] };

  if (timer.kind === 'setTimeout') {
    const handleDecision = planHandle(ctx, racePath, timer, plan);
    if (handleDecision) return handleDecision;
  } else {
    const options = timer.sleepCall.arguments[2];
    if (options && options.type === 'ObjectExpression' && !hasSpread(options) && hasPropertyOrSpread(options, 'signal')) {
      return { id: 'alreadyCleared', node: race, data: { name: codeOf(ctx, options) } };
    }
    if (options && !(options.type === 'ObjectExpression' && !hasPropertyOrSpread(options, 'signal'))) {
      return { id: 'sleepHasOptions', node: race, data: { name: codeOf(ctx, options) } };
    }
    if (!isGlobalName(racePath, 'AbortController')) return { id: 'shadowed', node: race, data: { name: 'AbortController' } };
  }

  if (!armDeclaration && !findInsertionPoint(racePath)) return { id: 'unsupportedPosition', node: race };

  planFetchWiring(ctx, plan, workPaths);
  if (plan.fetchShadowed) return { id: 'shadowed', node: plan.fetchShadowed, data: { name: 'fetch' } };
  return plan;
}

// `const timeout = new Promise(...)` in the same function, before the race, used by the race alone.
function findLocalConstArm(j: JSCodeshift, racePath: ASTPath<any>, name: string): { initPath: ASTPath<any>; declarationPath: ASTPath<any> } | undefined {
  const fn = findEnclosingFunction(racePath);
  let found: { initPath: ASTPath<any>; declarationPath: ASTPath<any> } | undefined;
  j(fn.node)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .forEach((declaratorPath) => {
      const declarationPath = declaratorPath.parent;
      if (declarationPath.node.kind !== 'const' || !declaratorPath.node.init) return;
      if (findEnclosingFunction(declaratorPath).node !== fn.node) return;
      if (declarationPath.node.declarations.length !== 1) return;
      found = { initPath: declaratorPath.get('init'), declarationPath };
    });
  if (!found) return undefined;
  // exactly one binding of that name in the function, in a block that encloses the race
  const bindings = j(fn.node).find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).length;
  if (bindings !== 1 || !isInside(racePath, found.declarationPath.parent.node)) return undefined;
  const references = j(fn.node)
    .find(j.Identifier, { name })
    .filter((path) => isReference(path));
  if (references.length !== 1 || !isInside(references.paths()[0], racePath.node)) return undefined;
  if ((found.declarationPath.node.loc?.start.line ?? 0) > (racePath.node.loc?.start.line ?? 0)) return undefined;
  return found;
}

function matchTimerArm(ctx: CodemodContext, armPath: ASTPath<any>): TimerArm | Refusal | null {
  const arm = unwrapExpression(armPath.node);
  // `new Promise(r => setTimeout(r, ms)).then(() => { throw err; })`: the timer promise under a `.then`
  const then = splitThen(arm);
  const base = then ? then.base : arm;
  const isTimerPromise = base?.type === 'NewExpression' && isIdentifier(base.callee, 'Promise');
  const sleepCall = isTimerPromise ? null : findSleepCall(armPath, base);
  if (!isTimerPromise && !sleepCall) return null;
  // Clearing the timer also skips the handler; that is only the leak going away if the handler just settles.
  if (then && !isPureSettleHandler(then.handler)) return { id: 'timerSideEffects', node: then.handler };
  if (isTimerPromise) return matchExecutorArm(ctx, armPath, base);
  return { kind: 'sleep', armPath, sleepCall };
}

function splitThen(node: any): { base: any; handler: any } | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || propertyName(node.callee) !== 'then' || node.arguments.length !== 1) return undefined;
  return { base: unwrapExpression(node.callee.object), handler: node.arguments[0] };
}

// `() => { throw new Error(...) }`, `() => Promise.reject(err)`, `() => FALLBACK`: a handler that
// only turns the timer into the race's outcome, with nothing else to run.
function isPureSettleHandler(handler: any): boolean {
  if (!handler || (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression') || handler.async || handler.params.length > 1) return false;
  const body = handler.body;
  if (body.type !== 'BlockStatement') return isPureExpression(body);
  if (body.body.length !== 1) return false;
  const [statement] = body.body;
  if (statement.type === 'ThrowStatement' || statement.type === 'ReturnStatement') return statement.argument == null || isPureExpression(statement.argument);
  return false;
}

// The handler's value: effect-free, or `Promise.reject(<effect-free>)`.
function isPureExpression(node: any): boolean {
  if (node?.type === 'CallExpression') return isPromiseReject(node) && node.arguments.every(isEffectFree);
  return isEffectFree(node);
}

function isPromiseReject(call: any): boolean {
  return call.callee.type === 'MemberExpression' && isIdentifier(call.callee.object, 'Promise') && propertyName(call.callee) === 'reject';
}

// `sleep(ms, value?)` with `setTimeout as sleep` from node:timers/promises.
function findSleepCall(armPath: ASTPath<any>, call: any): any | null {
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return null;
  const origin = findImportOf(armPath, call.callee.name);
  if (!origin || !isNodeTimersPromisesModule(origin.source) || origin.imported !== 'setTimeout') return null;
  if (call.arguments.length < 1 || call.arguments.length > 3 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) return null;
  return call;
}

function matchExecutorArm(ctx: CodemodContext, armPath: ASTPath<any>, newPromise: any): SetTimeoutArm | Refusal | null {
  const { j } = ctx;
  const executor = newPromise.arguments[0];
  if (!executor || (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression')) return null;
  if (!j(executor).find(j.CallExpression).some((path) => isSetTimeoutLike(path.node))) return null;
  if (!isGlobalName(armPath, 'Promise')) return { id: 'shadowed', node: newPromise, data: { name: 'Promise' } };

  const settlers = executor.params.map((param: any) => (param.type === 'Identifier' ? param.name : undefined));
  const settleName = (node: any): SettleKind | undefined => {
    if (!isIdentifier(node)) return undefined;
    if (node.name === settlers[1]) return 'reject';
    if (node.name === settlers[0]) return 'resolve';
    return undefined;
  };

  // The executor body is exactly one timer statement.
  const executorPath = pathTo(armPath, executor)!;
  let timerExpressionPath: ASTPath<any>;
  let capture: SetTimeoutArm['capture'] = { kind: 'none' };
  if (executor.body.type !== 'BlockStatement') {
    timerExpressionPath = executorPath.get('body');
  } else {
    if (executor.body.body.length !== 1) return { id: 'unknownTimerShape', node: newPromise };
    const statementPath = executorPath.get('body', 'body', 0);
    const statement = statementPath.node;
    if (statement.type === 'ExpressionStatement') {
      timerExpressionPath = statementPath.get('expression');
    } else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1 && statement.declarations[0].id.type === 'Identifier' && statement.declarations[0].init) {
      timerExpressionPath = statementPath.get('declarations', 0, 'init');
      const localName = statement.declarations[0].id.name;
      const uses = j(executor).find(j.Identifier, { name: localName }).filter((path) => isReference(path));
      if (uses.length > 0) return { id: 'handleEscapes', node: statement, data: { name: localName } };
      capture = { kind: 'executor-const', declarationPath: statementPath };
    } else {
      return { id: 'unknownTimerShape', node: newPromise };
    }
  }

  let expression = timerExpressionPath.node;
  if (expression.type === 'AssignmentExpression' && expression.operator === '=') {
    if (expression.left.type === 'Identifier') {
      capture = { kind: 'assigned', name: expression.left.name, assignmentPath: timerExpressionPath };
    } else {
      return { id: 'handleOnMember', node: expression, data: { name: codeOf(ctx, expression.left) } };
    }
    timerExpressionPath = timerExpressionPath.get('right');
    expression = timerExpressionPath.node;
  }
  // `.unref()` stays chained on the call; the handle it returns is the timer itself.
  let setTimeoutCall = expression;
  if (
    expression.type === 'CallExpression' &&
    expression.callee.type === 'MemberExpression' &&
    propertyName(expression.callee) === 'unref' &&
    expression.arguments.length === 0
  ) {
    setTimeoutCall = expression.callee.object;
  }
  if (setTimeoutCall.type !== 'CallExpression') return { id: 'unknownTimerShape', node: newPromise };
  const callee = describeSetTimeoutCallee(armPath, setTimeoutCall.callee);
  if (callee === null) return { id: 'unknownTimerShape', node: newPromise };
  if (!callee.ok) return { id: 'shadowed', node: setTimeoutCall, data: { name: callee.name } };

  const [callback] = setTimeoutCall.arguments;
  let settleCall: any | null;
  if (settleName(callback)) {
    settleCall = null; // setTimeout(reject, ms, err)
  } else if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') && callback.params.length === 0) {
    const body = callback.body.type === 'BlockStatement' ? singleExpression(callback.body) : callback.body;
    if (!body || body.type !== 'CallExpression' || !settleName(body.callee) || body.arguments.length > 1) {
      return { id: 'timerSideEffects', node: callback };
    }
    settleCall = body;
  } else {
    return { id: 'unknownTimerShape', node: newPromise };
  }

  return {
    kind: 'setTimeout',
    armPath,
    newPromisePath: pathTo(armPath, newPromise)!,
    executor,
    timerExpressionPath,
    setTimeoutCall,
    capture,
    settleCall,
    clearCallee: () => callee.clearCallee(j),
    timerFunction: callee.timerFunction,
  };
}

function singleExpression(block: any): any | undefined {
  if (block.body.length !== 1 || block.body[0].type !== 'ExpressionStatement') return undefined;
  return block.body[0].expression;
}

// Decides which handle the rewrite clears, and whether the code's own clearTimeout already runs on every path.
function planHandle(ctx: CodemodContext, racePath: ASTPath<any>, timer: SetTimeoutArm, plan: RacePlan): Refusal | null {
  const { j } = ctx;
  if (timer.capture.kind !== 'assigned') return null;
  const name = timer.capture.name;
  const fn = findEnclosingFunction(racePath);

  // The handle must be declared in the race's own function: a shared handle could clear another call's timer.
  const declarations = j(fn.node)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .filter((path) => findEnclosingFunction(path).node === fn.node);
  if (declarations.length !== 1) return { id: 'handleShared', node: timer.timerExpressionPath.parent.node, data: { name } };
  const declarator = declarations.paths()[0];
  // a declaration in a sibling block is not this binding: the assignment reaches an outer one
  if (!isInside(racePath, declarator.parent.parent.node)) return { id: 'handleShared', node: timer.timerExpressionPath.parent.node, data: { name } };
  if (declarator.node.init && !(isIdentifier(declarator.node.init, 'undefined') || declarator.node.init.type === 'NullLiteral' || (declarator.node.init.type === 'Literal' && declarator.node.init.value === null))) {
    return { id: 'handleEscapes', node: declarator.node, data: { name } };
  }

  const references = j(fn.node)
    .find(j.Identifier, { name })
    .filter((path) => isReference(path) && path.node !== declarator.node.id);
  const clears: ASTPath<any>[] = [];
  for (const reference of references.paths()) {
    if (reference.node === timer.capture.assignmentPath.node.left) continue;
    const parent = reference.parent.node;
    if (parent.type === 'CallExpression' && parent.arguments.length === 1 && parent.arguments[0] === reference.node && isClearTimeoutCallee(parent.callee)) {
      clears.push(reference.parent);
      continue;
    }
    if (parent.type === 'AssignmentExpression' && parent.left === reference.node) {
      return { id: 'handleShared', node: parent, data: { name } };
    }
    return { id: 'handleEscapes', node: reference.node, data: { name } };
  }
  plan.existingHandle = name;
  if (clears.length === 0) return null;
  if (clears.length === 1) {
    const clear = clears[0];
    if (clearsOnEveryPath(racePath, clear)) return { id: 'alreadyCleared', node: racePath.node, data: { name } };
    const successOnly = findSuccessOnlyClear(racePath, clear);
    if (successOnly) {
      plan.successOnlyClear = successOnly;
      return null;
    }
  } else if (clears.some((clear) => clearsOnEveryPath(racePath, clear)) || clearsInBothSettleHandlers(racePath, clears)) {
    return { id: 'alreadyCleared', node: racePath.node, data: { name } };
  }
  return { id: 'clearedElsewhere', node: racePath.node, data: { name } };
}

// `.then(onFulfilled, onRejected)` on the race, each handler clearing the timer.
function clearsInBothSettleHandlers(racePath: ASTPath<any>, clears: ASTPath<any>[]): boolean {
  const member = racePath.parent?.node;
  const call = racePath.parent?.parent?.node;
  if (member?.type !== 'MemberExpression' || member.object !== racePath.node || propertyName(member) !== 'then') return false;
  if (call?.type !== 'CallExpression' || call.arguments.length !== 2) return false;
  const [onFulfilled, onRejected] = call.arguments;
  return clears.some((clear) => isInside(clear, onFulfilled)) && clears.some((clear) => isInside(clear, onRejected));
}

function isClearTimeoutCallee(callee: any): boolean {
  if (isIdentifier(callee, 'clearTimeout')) return true;
  return callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property, 'clearTimeout');
}

// `.finally(() => clearTimeout(h))` on the race, a `finally { clearTimeout(h) }` around it, both
// settle handlers of a `.then(a, b)`, or a statement after an awaited race whose rejections are caught.
function clearsOnEveryPath(racePath: ASTPath<any>, clear: ASTPath<any>): boolean {
  // climb the chain of calls on the race: Promise.race([...]).then(...).finally(...)
  let chain: ASTPath<any> = racePath;
  let rejectionsCaught = false;
  while (chain.parent?.node.type === 'MemberExpression' && chain.parent.node.object === chain.node && chain.parent.parent?.node.type === 'CallExpression') {
    const method = propertyName(chain.parent.node);
    const call = chain.parent.parent;
    if (method === 'finally' && isInside(clear, call.node.arguments[0])) return true;
    if (method === 'then' && call.node.arguments.length === 2 && isInside(clear, call.node.arguments[0])) {
      // the other handler must clear too: counted by the caller as a second clear
      return false;
    }
    if (method === 'catch' || (method === 'then' && call.node.arguments.length === 2)) {
      const handler = method === 'catch' ? call.node.arguments[0] : call.node.arguments[1];
      if (handler && isFunctionNode(handler) && !containsThrow(handler)) rejectionsCaught = true;
    }
    chain = call;
  }
  // try { ... race ... } finally { clearTimeout(h) }
  for (let current: ASTPath<any> | null = racePath.parent; current && !isFunctionNode(current.node); current = current.parent) {
    if (current.node.type === 'TryStatement' && current.node.finalizer && isInside(clear, current.node.finalizer) && isInside(racePath, current.node.block)) {
      return true;
    }
  }
  if (rejectionsCaught) {
    const statement = statementAfterAwaitedExpression(chain);
    if (statement && isLaterSibling(statement, clear)) return true;
  }
  return false;
}

function containsThrow(fn: any): boolean {
  let found = false;
  const visit = (node: any) => {
    if (!node || typeof node !== 'object' || found) return;
    if (node.type === 'ThrowStatement') {
      found = true;
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key === 'original' || key === 'tokens') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(fn.body);
  return found;
}

// The statement holding `await <expression>` as its whole effect: `await x;`, `const v = await x;`, `v = await x;`.
function statementAfterAwaitedExpression(expressionPath: ASTPath<any>): ASTPath<any> | undefined {
  let current = expressionPath.parent;
  while (current && (current.node.type === 'TSAsExpression' || current.node.type === 'ParenthesizedExpression' || current.node.type === 'TSNonNullExpression')) current = current.parent;
  if (current?.node.type !== 'AwaitExpression') return undefined;
  const holder = current.parent;
  if (!holder) return undefined;
  if (holder.node.type === 'ExpressionStatement') return holder;
  if (holder.node.type === 'VariableDeclarator' && holder.parent?.node.type === 'VariableDeclaration' && holder.parent.node.declarations.length === 1) return holder.parent;
  if (holder.node.type === 'AssignmentExpression' && holder.parent?.node.type === 'ExpressionStatement') return holder.parent;
  return undefined;
}

function isLaterSibling(statement: ASTPath<any>, clearCall: ASTPath<any>): boolean {
  const clearStatement = clearCall.parent;
  if (clearStatement?.node.type !== 'ExpressionStatement') return false;
  const list = statement.parentPath?.value;
  if (!Array.isArray(list) || clearStatement.parentPath?.value !== list) return false;
  return list.indexOf(clearStatement.node) > list.indexOf(statement.node);
}

// `const v = await Promise.race([...]); ...; clearTimeout(h);` in one block: runs only when the race fulfils.
function findSuccessOnlyClear(racePath: ASTPath<any>, clear: ASTPath<any>): ASTPath<any> | undefined {
  const statement = statementAfterAwaitedExpression(racePath);
  if (!statement || !isLaterSibling(statement, clear)) return undefined;
  return clear.parent;
}

function hasSpread(object: any): boolean {
  return object.properties.some((property: any) => property.type === 'SpreadElement' || property.type === 'SpreadProperty');
}

function hasPropertyOrSpread(object: any, name: string): boolean {
  return object.properties.some(
    (property: any) =>
      property.type === 'SpreadElement' ||
      property.type === 'SpreadProperty' ||
      ((property.type === 'ObjectProperty' || property.type === 'Property' || property.type === 'ObjectMethod') &&
        ((property.key.type === 'Identifier' && !property.computed && property.key.name === name) || (isStringLiteral(property.key) && property.key.value === name))),
  );
}

// The global fetch in a work arm (`fetch(url, init)` or `fetch(...).then(...)`), to be aborted when the timer wins.
function planFetchWiring(ctx: CodemodContext, plan: RacePlan, workPaths: ASTPath<any>[]): void {
  for (const workPath of workPaths) {
    let call = unwrapExpression(workPath.node);
    while (call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && ['then', 'catch', 'finally'].includes(propertyName(call.callee) ?? '')) {
      call = unwrapExpression(call.callee.object);
    }
    if (call?.type !== 'CallExpression' || !isIdentifier(call.callee, 'fetch')) continue;
    if (!isGlobalName(workPath, 'fetch')) {
      plan.fetchShadowed = call;
      return;
    }
    const init = call.arguments[1];
    if (call.arguments.length === 0 || call.arguments.length > 2 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) {
      plan.fetchRefusal = { node: call, reason: 'its arguments are not `(input, init?)`' };
    } else if (init && init.type !== 'ObjectExpression') {
      plan.fetchRefusal = { node: call, reason: 'its init is not an object literal, so it may already carry a signal' };
    } else if (init && hasPropertyOrSpread(init, 'signal')) {
      if (hasSpread(init)) plan.fetchRefusal = { node: call, reason: 'its init spreads another object that may carry a signal' };
      // an explicit `signal` is the caller's choice: leave it
    } else {
      plan.fetchCalls.push(call);
    }
  }
  if (plan.fetchCalls.length === 0) return;
  const refusal =
    plan.timer.kind !== 'setTimeout'
      ? 'a timers/promises timer has no callback to abort from after it settles the race'
      : plan.timer.settleCall === null
        ? 'the timer settles through `setTimeout(settle, ms, value)`, with no callback to abort from'
        : !isGlobalName(plan.racePath, 'AbortController')
          ? '`AbortController` is not the global here'
          : undefined;
  if (refusal) {
    plan.fetchRefusal = { node: plan.fetchCalls[0], reason: refusal };
    plan.fetchCalls = [];
  }
}

/* ------------------------------------------------------------------------------------------------
 * Rewrite
 * ---------------------------------------------------------------------------------------------- */

function rewriteRace(ctx: CodemodContext, plan: RacePlan, allocate: (base: string, declaredIn?: ASTPath<any>) => string): void {
  const { j } = ctx;
  // the handle is declared before whatever arms the timer: the const holding the arm, or the race's statement
  const point: InsertionPoint = plan.armDeclaration ? { kind: 'statement', statement: plan.armDeclaration } : findInsertionPoint(plan.racePath)!;
  const declaredIn = point.kind === 'arrow-body' ? point.arrow : findEnclosingFunction(point.statement);
  const allocateName = (base: string) => allocate(base, declaredIn);
  const declarations: any[] = [];
  let settledCallback: any;

  if (plan.timer.kind === 'setTimeout') {
    const timer = plan.timer;
    const handleName = plan.existingHandle ?? allocateName('timerHandle');
    if (!plan.existingHandle) {
      // let timerHandle: ReturnType<typeof setTimeout> | undefined;
      declarations.push(declareLet(ctx, handleName, timer.timerFunction));
      captureHandle(j, timer, handleName);
    }
    if (plan.fetchCalls.length > 0) {
      const controllerName = allocateName('fetchController');
      // const fetchController = new AbortController();
      declarations.push(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(controllerName), j.newExpression(j.identifier('AbortController'), []))]));
      for (const call of plan.fetchCalls) addSignal(j, call, controllerName);
      abortAfterSettling(j, timer, controllerName);
    }
    // () => clearTimeout(timerHandle)
    settledCallback = j.arrowFunctionExpression([], j.callExpression(timer.clearCallee(), [j.identifier(handleName)]));
    if (plan.successOnlyClear) plan.successOnlyClear.prune();
  } else {
    const controllerName = allocateName('timerController');
    // const timerController = new AbortController();
    declarations.push(j.variableDeclaration('const', [j.variableDeclarator(j.identifier(controllerName), j.newExpression(j.identifier('AbortController'), []))]));
    addSleepSignal(j, plan.timer.sleepCall, controllerName);
    // () => timerController.abort()
    settledCallback = j.arrowFunctionExpression([], j.callExpression(j.memberExpression(j.identifier(controllerName), j.identifier('abort')), []));
  }

  // Promise.race([...]).finally(() => clearTimeout(timerHandle))
  const race = plan.racePath.node;
  plan.racePath.replace(j.callExpression(j.memberExpression(race, j.identifier('finally')), [settledCallback]));
  if (declarations.length > 0) insertBefore(j, point, declarations);
}

function declareLet(ctx: CodemodContext, name: string, timerFunction: string[]): any {
  const { j } = ctx;
  const id = j.identifier(name);
  if (ctx.isTypeScript) {
    id.typeAnnotation = j.tsTypeAnnotation(handleTypeAnnotation(j, timerFunction));
  }
  return j.variableDeclaration('let', [j.variableDeclarator(id)]);
}

// ReturnType<typeof setTimeout> | undefined, built rather than parsed: nodes parsed from another
// text carry positions that recast would try to reuse.
function handleTypeAnnotation(j: JSCodeshift, timerFunction: string[]): any {
  const query = timerFunction.slice(1).reduce<any>((left, name) => j.tsQualifiedName(left, j.identifier(name)), j.identifier(timerFunction[0]));
  return j.tsUnionType([
    j.tsTypeReference(j.identifier('ReturnType'), j.tsTypeParameterInstantiation([j.tsTypeQuery(query)])),
    j.tsUndefinedKeyword(),
  ]);
}

function captureHandle(j: JSCodeshift, timer: SetTimeoutArm, handleName: string): void {
  const timerExpression = timer.timerExpressionPath.node;
  // timerHandle = setTimeout(...)
  const assignment = j.assignmentExpression('=', j.identifier(handleName), timerExpression);
  if (timer.capture.kind === 'executor-const') {
    timer.capture.declarationPath.replace(j.expressionStatement(assignment));
    return;
  }
  const executor = timer.executor;
  if (executor.body.type !== 'BlockStatement') {
    // (_, reject) => setTimeout(...)  becomes  (_, reject) => { timerHandle = setTimeout(...); }
    executor.body = j.blockStatement([j.expressionStatement(assignment)]);
    reprintWhole(j, timer.newPromisePath);
    return;
  }
  timer.timerExpressionPath.replace(assignment);
}

// recast keeps the original line breaks around a node it reuses, which leaves `}\n)` behind when an
// expression body that sat on its own line becomes a block; a fresh copy of the call is laid out anew.
function reprintWhole(j: JSCodeshift, newPromisePath: ASTPath<any>): void {
  const original = newPromisePath.node;
  const copy: any = j.newExpression(original.callee, original.arguments);
  copy.typeParameters = original.typeParameters;
  copy.typeArguments = original.typeArguments;
  copy.comments = original.comments;
  newPromisePath.replace(copy);
}

function addSignal(j: JSCodeshift, fetchCall: any, controllerName: string): void {
  // signal: fetchController.signal
  const property = j.objectProperty(j.identifier('signal'), j.memberExpression(j.identifier(controllerName), j.identifier('signal')));
  const init = fetchCall.arguments[1];
  if (init) init.properties.push(property);
  else fetchCall.arguments.push(j.objectExpression([property]));
}

function addSleepSignal(j: JSCodeshift, sleepCall: any, controllerName: string): void {
  const property = j.objectProperty(j.identifier('signal'), j.memberExpression(j.identifier(controllerName), j.identifier('signal')));
  const [, value, options] = sleepCall.arguments;
  if (options) {
    options.properties.push(property);
    return;
  }
  if (!value) sleepCall.arguments.push(j.identifier('undefined'));
  sleepCall.arguments.push(j.objectExpression([property]));
}

// The abort runs after the settle call, so the race has already taken the timer's outcome when the
// losing fetch rejects with its AbortError.
function abortAfterSettling(j: JSCodeshift, timer: SetTimeoutArm, controllerName: string): void {
  const callback = timer.setTimeoutCall.arguments[0];
  // fetchController.abort();
  const abort = j.expressionStatement(j.callExpression(j.memberExpression(j.identifier(controllerName), j.identifier('abort')), []));
  if (callback.body.type === 'BlockStatement') {
    callback.body.body.push(abort);
  } else {
    callback.body = j.blockStatement([j.expressionStatement(callback.body), abort]);
  }
}

