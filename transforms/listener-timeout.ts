import type { API, ASTPath, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { findImportOf, isGlobalName } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import { findEnclosingFunction, isFunctionLiteral, isIdentifier, isStringLiteral, isWrite, methodName, propertyName, unwrapExpression } from './lib/nodes';
import { codeLine, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';
import { findInsertionPoint, insertBefore } from './lib/statements';

// `emitter.once('ready', resolve)` plus a rejecting timer in one `new Promise`: on timeout the
// listener stays attached (MaxListenersExceededWarning, its closure retained per call); on the
// event the timer stays armed. The rewrite removes the listener with the same function reference
// when the timer fires, and clears the timer when the event comes. `events.once(emitter, name)`
// raced against a timer gets a `signal` that is aborted when the race settles.

export const MESSAGES = {
  shadowed: {
    what: 'listener raced against a timer',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'remove the listener and clear the timer by hand, or rename the local `{name}`',
  },
  alreadyCleaned: {
    what: 'listener raced against a timer',
    why: 'the executor already clears its timer or removes its listener (`{name}`)',
    fix: 'nothing to do',
    severity: 'note',
  },
  handlerShape: {
    what: 'listener raced against a timer',
    why: 'the handler `{name}` does more than settle the promise, so clearing the timer when it runs could be wrong',
    fix: 'pass `resolve` (or `() => resolve(value)`) as the listener and do the rest after the promise settles',
  },
  untypedHandler: {
    what: 'listener raced against a timer',
    why: 'the inline handler has untyped parameters, which lose their contextual type once hoisted into a const',
    fix: 'annotate the handler\'s parameters',
  },
  emitterShape: {
    what: 'listener raced against a timer',
    why: 'the target `{name}` is not a plain variable, so removing the listener later might reach another object',
    fix: 'keep the emitter in a const and remove the listener from it when the timer fires',
  },
  listenerPosition: {
    what: 'listener raced against a timer',
    why: 'a listener is added inside a branch or a nested function of the executor, where a removal cannot be sure to reach it',
    fix: 'add every listener at the top of the executor, or remove them by hand when the timer fires',
  },
  listenerOptions: {
    what: 'listener raced against a timer',
    why: 'the listener is added with options `{name}` that a removal would have to repeat',
    fix: 'pass a `signal` in the options and abort it when the timer fires',
  },
  timerShape: {
    what: 'listener raced against a timer',
    why: 'the timer is not one top-level `setTimeout(() => reject(err), ms)` in the executor',
    fix: 'arm one timer whose callback only settles the promise',
  },
  onceHasOptions: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'it already receives options `{options}` this transform cannot extend safely',
    fix: 'pass a `signal` from an AbortController that you abort in .finally() on the race',
  },
  alreadySignalled: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'it already receives a signal',
    fix: 'nothing to do',
    severity: 'note',
  },
  notEventsOnce: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: '`{name}` here is not `once` of node:events, so it may not take a signal',
    fix: 'make it accept an AbortSignal and abort it when the race settles',
  },
  unsupportedPosition: {
    what: '`{name}(emitter, event)` raced against a timer',
    why: 'the race is not inside a statement or an arrow body, so there is nowhere to declare the controller',
    fix: 'move the race into a function body',
  },
} satisfies MessageTable<string>;

type MessageId = keyof typeof MESSAGES;

type Refusal = SiteRefusal<MessageId>;

const REMOVER: Record<string, string> = {
  once: 'removeListener',
  addListener: 'removeListener',
  prependListener: 'removeListener',
  prependOnceListener: 'removeListener',
  // `removeListener` rather than `off`: every Node-style emitter has it (`off` came in Node 10)
  on: 'removeListener',
  addEventListener: 'removeEventListener',
};

interface Registration {
  statement: ASTPath<any>;
  call: any;
  remover: string;
  /** `resolve` or `reject` passed as is, or an inline handler to hoist */
  handler: { kind: 'settle'; name: string } | { kind: 'inline'; path: ASTPath<any> };
}

interface ExecutorPlan {
  kind: 'executor';
  executor: ASTPath<any>;
  registrations: Registration[];
  timerCall: ASTPath<any>;
  timerCallback: any;
  /**
   * `h = setTimeout(...)` in an executor whose promise ends in `.finally(() => clearTimeout(h))`
   * (executor-timeout's output): the event already clears the timer, only the removal is missing.
   */
  clearedInFinally: boolean;
}

interface OncePlan {
  kind: 'once';
  racePath: ASTPath<any>;
  onceCalls: any[];
}

type Plan = ExecutorPlan | OncePlan;

export const listenerTimeout: Codemod = {
  name: 'listener-timeout',
  summary: 'Removes a listener when the timer racing it fires and clears the timer when the event comes; gives `events.once()` raced against a timer a signal aborted when the race settles.',
  mayApply: (source) => /\b(?:once|on|addListener|prependListener|prependOnceListener|addEventListener)\b/.test(source) && /setTimeout|race/.test(source),
  calls: [{ callee: 'setTimeout', inside: 'Promise' }, 'race'],
  apply: (ctx) => {
    const { j, root } = ctx;
    const { plans, consider } = collectPlans<Plan, MessageId>(ctx, MESSAGES);
    ctx
      .find(j.NewExpression)
      .filter((path) => isIdentifier(path.node.callee, 'Promise') && isFunctionLiteral(path.node.arguments[0]))
      .forEach((path) => consider(planExecutor(ctx, path.get('arguments', 0))));
    ctx
      .find(j.CallExpression)
      .filter((path) => methodName(path.node) === 'race')
      .forEach((path) => consider(planOnceRace(ctx, path)));
    if (plans.length === 0) return false;
    const allocate = createNameAllocator(ctx);
    for (const plan of plans) {
      if (plan.kind === 'executor') {
        recordFixedSite(ctx, listenerTimeout.name, plan.timerCall.node);
        rewriteExecutor(ctx, plan, allocate);
      } else {
        recordFixedSite(ctx, listenerTimeout.name, plan.racePath.node);
        rewriteOnceRace(ctx, plan, allocate);
      }
    }
    return plans.length > 0;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([listenerTimeout], file, api, options);
}

/* ------------------------------------------------------------------------------------------------
 * Safety: a `new Promise` executor with listeners and one timer
 * ---------------------------------------------------------------------------------------------- */

// `() => resolve()`, `(v: T) => resolve(v)`, `() => { reject(err); }`: a handler that only settles.
function settlesOnly(handler: any, settleNames: Set<string>): boolean {
  if (!isFunctionLiteral(handler)) return false;
  let call = handler.body;
  if (call.type === 'BlockStatement') {
    if (call.body.length !== 1 || call.body[0].type !== 'ExpressionStatement') return false;
    call = call.body[0].expression;
  }
  return call.type === 'CallExpression' && isIdentifier(call.callee) && settleNames.has(call.callee.name);
}

function hasUntypedParams(handler: any): boolean {
  return handler.params.some((param: any) => !param.typeAnnotation);
}

// A variable never reassigned where it is visible: the removal reaches the object the listener was added to.
function isStableEmitter(j: JSCodeshift, node: any, at: ASTPath<any>): boolean {
  if (!isIdentifier(node)) return false;
  const scope = at.scope?.lookup(node.name);
  if (!scope) return false;
  // never reassigned where it is visible
  return j(scope.path)
    .find(j.Identifier, { name: node.name })
    .filter((path) => path.scope?.lookup(node.name) === scope && isWrite(path)).length === 0;
}

function planExecutor(ctx: CodemodContext, executor: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const fn = executor.node;
  if (fn.body.type !== 'BlockStatement' || fn.params.length < 2 || !fn.params.slice(0, 2).every((param: any) => isIdentifier(param))) return null;
  const settleNames = new Set<string>(fn.params.slice(0, 2).map((param: any) => param.name));
  const statementList = executor.get('body', 'body');
  const statements: ASTPath<any>[] = fn.body.body.map((_: unknown, index: number) => statementList.get(index));

  // listener registrations: `target.once(event, handler)` statements of the executor body
  const registrationStatements = statements.filter((statement) => {
    const call = statement.node.type === 'ExpressionStatement' ? statement.node.expression : undefined;
    return REMOVER[methodName(call) ?? ''] !== undefined && call.arguments.length >= 2;
  });
  if (registrationStatements.length === 0) return null;
  // the timer: setTimeout calls anywhere in the executor; with none, no listener races a timer
  const timerCalls = j(executor)
    .find(j.CallExpression)
    .filter((path) => isIdentifier(path.node.callee, 'setTimeout'))
    .paths();
  if (timerCalls.length === 0) return null;
  const node = timerCalls[0].node;
  // a listener added anywhere else in the executor (a branch, a nested callback) would be left behind
  const nested = j(executor)
    .find(j.CallExpression)
    .filter((path) => REMOVER[methodName(path.node) ?? ''] !== undefined && !registrationStatements.some((statement) => statement.node.expression === path.node));
  if (nested.length > 0) return { id: 'listenerPosition', node: nested.get().node };

  const removal = j(executor)
    .find(j.CallExpression)
    .filter((path) => isIdentifier(path.node.callee, 'clearTimeout') || ['removeListener', 'off', 'removeEventListener', 'removeAllListeners'].includes(methodName(path.node) ?? ''))
    .paths();
  if (removal.length > 0) {
    const callee = removal[0].node.callee;
    return { id: 'alreadyCleaned', node, data: { name: callee.type === 'Identifier' ? callee.name : (propertyName(callee) ?? 'removal') } };
  }
  if (!isGlobalName(executor, 'Promise')) return { id: 'shadowed', node, data: { name: 'Promise' } };
  if (!isGlobalName(timerCalls[0], 'setTimeout')) return { id: 'shadowed', node, data: { name: 'setTimeout' } };
  if (!isGlobalName(timerCalls[0], 'clearTimeout')) return { id: 'shadowed', node, data: { name: 'clearTimeout' } };

  const timerCall = timerCalls[0];
  const timerCallback: any = node.arguments[0];
  const clearedInFinally = isClearedInFinally(executor, timerCall);
  const timerStatement = clearedInFinally ? timerCall.parent.parent : timerCall.parent;
  if (timerCalls.length !== 1 || timerStatement?.node.type !== 'ExpressionStatement' || timerStatement.parent?.node !== fn.body || !settlesOnly(timerCallback, settleNames) || timerCallback.params.length > 0) {
    return { id: 'timerShape', node };
  }

  const registrations: Registration[] = [];
  for (const statement of registrationStatements) {
    const call = statement.node.expression;
    const method = methodName(call)!;
    const target = call.callee.object;
    if (!isStableEmitter(j, target, statement)) return { id: 'emitterShape', node: call, data: { name: codeLine(ctx, target, 60) } };
    const [event, handler, options] = call.arguments;
    if (!isStringLiteral(event) && !(isIdentifier(event) && isStableEmitter(j, event, statement))) return { id: 'emitterShape', node: call, data: { name: codeLine(ctx, event, 60) } };
    if (call.arguments.length > 3 || (call.arguments.length === 3 && (method !== 'addEventListener' || !isPlainListenerOptions(options)))) {
      return { id: 'listenerOptions', node: call, data: { name: codeLine(ctx, options, 60) } };
    }
    if (isIdentifier(handler) && settleNames.has(handler.name)) {
      registrations.push({ statement, call, remover: REMOVER[method], handler: { kind: 'settle', name: handler.name } });
      continue;
    }
    if (!settlesOnly(handler, settleNames)) return { id: 'handlerShape', node: call, data: { name: codeLine(ctx, handler, 60) } };
    if (ctx.isTypeScript && hasUntypedParams(handler)) return { id: 'untypedHandler', node: handler };
    registrations.push({ statement, call, remover: REMOVER[method], handler: { kind: 'inline', path: statement.get('expression', 'arguments', 1) } });
  }
  return { kind: 'executor', executor, registrations, timerCall, timerCallback, clearedInFinally };
}

// `h = setTimeout(...)` in the executor of `new Promise(...).finally(() => clearTimeout(h))`.
function isClearedInFinally(executor: ASTPath<any>, timerCall: ASTPath<any>): boolean {
  const assignment = timerCall.parent?.node;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.right !== timerCall.node || !isIdentifier(assignment.left)) return false;
  const handle: string = assignment.left.name;
  const newPromise = executor.parent;
  const member = newPromise?.parent?.node;
  const call = newPromise?.parent?.parent?.node;
  if (member?.type !== 'MemberExpression' || member.object !== newPromise.node || propertyName(member) !== 'finally' || call?.type !== 'CallExpression' || call.callee !== member) return false;
  const onFinally = call.arguments[0];
  if (!isFunctionLiteral(onFinally) || onFinally.params.length > 0) return false;
  let body = onFinally.body;
  if (body.type === 'BlockStatement') body = body.body.length === 1 && body.body[0].type === 'ExpressionStatement' ? body.body[0].expression : undefined;
  return body?.type === 'CallExpression' && isIdentifier(body.callee, 'clearTimeout') && body.arguments.length === 1 && isIdentifier(body.arguments[0], handle);
}

// `{ once: true }` or `{ passive: true }`: options a removal does not need to repeat (no capture, no signal).
function isPlainListenerOptions(options: any): boolean {
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.every(
    (property: any) =>
      (property.type === 'ObjectProperty' || property.type === 'Property') &&
      !property.computed &&
      isIdentifier(property.key) &&
      (property.key.name === 'once' || property.key.name === 'passive'),
  );
}

/* ------------------------------------------------------------------------------------------------
 * Safety: `events.once(emitter, name)` raced against a timer
 * ---------------------------------------------------------------------------------------------- */

const TIMER_NAME = /timeout|timer|deadline|sleep|delay/i;

function looksLikeTimer(j: JSCodeshift, node: any): boolean {
  if (node.type === 'Identifier') return TIMER_NAME.test(node.name);
  return j(node).find(j.Identifier).filter((path) => path.node.name === 'setTimeout' || TIMER_NAME.test(path.node.name)).length > 0;
}

function isEventsOnce(path: ASTPath<any>, call: any): boolean {
  if (call?.type !== 'CallExpression' || !isIdentifier(call.callee)) return false;
  const origin = findImportOf(path, call.callee.name);
  return origin !== undefined && (origin.source === 'events' || origin.source === 'node:events') && origin.imported === 'once';
}

function planOnceRace(ctx: CodemodContext, racePath: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const race = racePath.node;
  if (race.arguments.length !== 1 || race.arguments[0].type !== 'ArrayExpression') return null;
  const elements: any[] = race.arguments[0].elements;
  const onceCalls = elements.filter((element) => isEventsOnce(racePath, unwrapExpression(element))).map(unwrapExpression);
  if (onceCalls.length === 0) {
    const lookalike = elements.map(unwrapExpression).find((element) => element?.type === 'CallExpression' && isIdentifier(element.callee, 'once'));
    if (lookalike && elements.some((element) => unwrapExpression(element) !== lookalike && looksLikeTimer(j, element))) return { id: 'notEventsOnce', node: lookalike, data: { name: 'once' } };
    return null;
  }
  if (!elements.some((element) => !onceCalls.includes(unwrapExpression(element)) && looksLikeTimer(j, element))) return null;
  const name: string = onceCalls[0].callee.name;
  if (!isIdentifier(race.callee.object, 'Promise') || !isGlobalName(racePath, 'Promise')) return { id: 'shadowed', node: race, data: { name: 'Promise' } };
  for (const call of onceCalls) {
    if (call.arguments.length === 3) {
      const options = call.arguments[2];
      const hasSignal = options.type === 'ObjectExpression' && options.properties.some((property: any) => isIdentifier(property.key, 'signal'));
      if (hasSignal) return { id: 'alreadySignalled', node: call, data: { name } };
      return { id: 'onceHasOptions', node: call, data: { name, options: codeLine(ctx, options, 60) } };
    }
    if (call.arguments.length !== 2 || call.arguments.some((argument: any) => argument.type === 'SpreadElement')) return { id: 'onceHasOptions', node: call, data: { name, options: 'spread arguments' } };
  }
  if (!isGlobalName(racePath, 'AbortController')) return { id: 'shadowed', node: race, data: { name: 'AbortController' } };
  if (!findInsertionPoint(racePath)) return { id: 'unsupportedPosition', node: race, data: { name } };
  return { kind: 'once', racePath, onceCalls };
}

/* ------------------------------------------------------------------------------------------------
 * Rewrite
 * ---------------------------------------------------------------------------------------------- */

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// `'ready'` → onReady, `'data-ready'` → onDataReady; anything else → onEvent.
function handlerBaseName(event: any): string {
  if (!isStringLiteral(event)) return 'onEvent';
  const words = String(event.value).split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0 || /^[0-9]/.test(words[0])) return 'onEvent';
  return `on${words.map(capitalize).join('')}`;
}

function rebuild(j: JSCodeshift, node: any): any {
  return isStringLiteral(node) ? j.stringLiteral(node.value) : j.identifier(node.name);
}

function rewriteExecutor(ctx: CodemodContext, plan: ExecutorPlan, allocate: (base: string, declaredIn?: ASTPath<any>) => string): void {
  const { j } = ctx;
  const removals: any[] = [];
  const removal = (registration: Registration, handlerName: string) =>
    // emitter.removeListener('ready', onReady);
    j.expressionStatement(
      j.callExpression(j.memberExpression(j.identifier(registration.call.callee.object.name), j.identifier(registration.remover)), [rebuild(j, registration.call.arguments[0]), j.identifier(handlerName)]),
    );

  if (plan.clearedInFinally) {
    // The promise's .finally() clears the timer on the event already: only name the listener and remove it.
    for (const registration of plan.registrations) {
      if (registration.handler.kind === 'settle') {
        removals.push(removal(registration, registration.handler.name));
        continue;
      }
      const handlerName = allocate(handlerBaseName(registration.call.arguments[0]), plan.executor);
      const hoisted = registration.handler.path.node;
      registration.call.arguments[1] = j.identifier(handlerName);
      insertBefore(j, { kind: 'statement', statement: registration.statement }, [j.variableDeclaration('const', [j.variableDeclarator(j.identifier(handlerName), hoisted)])]);
      removals.push(removal(registration, handlerName));
    }
    appendToTimerCallback(j, plan.timerCallback, removals);
    return;
  }

  const handleName = allocate('timerHandle', plan.executor);
  const clearTimer = () => j.expressionStatement(j.callExpression(j.identifier('clearTimeout'), [j.identifier(handleName)]));

  for (const registration of plan.registrations) {
    const event = registration.call.arguments[0];
    const handlerName = allocate(handlerBaseName(event), plan.executor);
    let hoisted: any;
    if (registration.handler.kind === 'settle') {
      // const onReady = (...args) => { clearTimeout(timerHandle); resolve(...args); };
      const settleName = registration.handler.name;
      const args = j.identifier(allocate('args', plan.executor));
      const rest = j.restElement(args);
      if (ctx.isTypeScript) {
        rest.typeAnnotation = j.tsTypeAnnotation(j.tsTypeReference(j.identifier('Parameters'), j.tsTypeParameterInstantiation([j.tsTypeQuery(j.identifier(settleName))])));
      }
      hoisted = j.arrowFunctionExpression([rest], j.blockStatement([clearTimer(), j.expressionStatement(j.callExpression(j.identifier(settleName), [j.spreadElement(j.identifier(args.name))]))]));
    } else {
      // const onReady = () => { clearTimeout(timerHandle); resolve(); };
      hoisted = registration.handler.path.node;
      const settle = hoisted.body.type === 'BlockStatement' ? hoisted.body.body[0] : j.expressionStatement(hoisted.body);
      hoisted.body = j.blockStatement([clearTimer(), settle]);
    }
    registration.call.arguments[1] = j.identifier(handlerName);
    insertBefore(j, { kind: 'statement', statement: registration.statement }, [j.variableDeclaration('const', [j.variableDeclarator(j.identifier(handlerName), hoisted)])]);
    removals.push(removal(registration, handlerName));
  }

  appendToTimerCallback(j, plan.timerCallback, removals);
  // timerHandle = setTimeout(...)
  plan.timerCall.replace(j.assignmentExpression('=', j.identifier(handleName), plan.timerCall.node));

  // let timerHandle: ReturnType<typeof setTimeout> | undefined;  first, so a listener that fires synchronously finds it
  const handleId = j.identifier(handleName);
  if (ctx.isTypeScript) {
    handleId.typeAnnotation = j.tsTypeAnnotation(
      j.tsUnionType([j.tsTypeReference(j.identifier('ReturnType'), j.tsTypeParameterInstantiation([j.tsTypeQuery(j.identifier('setTimeout'))])), j.tsUndefinedKeyword()]),
    );
  }
  const body = plan.executor.get('body', 'body');
  insertBefore(j, { kind: 'statement', statement: body.get(0) }, [j.variableDeclaration('let', [j.variableDeclarator(handleId)])]);
}

// The listener goes after the timer has settled the promise: the rejection wins whatever the removal does.
function appendToTimerCallback(j: JSCodeshift, callback: any, removals: any[]): void {
  const settle = callback.body.type === 'BlockStatement' ? callback.body.body[0] : j.expressionStatement(callback.body);
  callback.body = j.blockStatement([settle, ...removals]);
}

function rewriteOnceRace(ctx: CodemodContext, plan: OncePlan, allocate: (base: string, declaredIn?: ASTPath<any>) => string): void {
  const { j } = ctx;
  const point = findInsertionPoint(plan.racePath)!;
  const declaredIn = point.kind === 'arrow-body' ? point.arrow : findEnclosingFunction(point.statement);
  const controllerName = allocate('listenerController', declaredIn);
  for (const call of plan.onceCalls) {
    // { signal: listenerController.signal }
    call.arguments.push(j.objectExpression([j.objectProperty(j.identifier('signal'), j.memberExpression(j.identifier(controllerName), j.identifier('signal')))]));
  }
  // Promise.race([...]).finally(() => listenerController.abort())
  const race = plan.racePath.node;
  const abort = j.arrowFunctionExpression([], j.callExpression(j.memberExpression(j.identifier(controllerName), j.identifier('abort')), []));
  plan.racePath.replace(j.callExpression(j.memberExpression(race, j.identifier('finally')), [abort]));
  // const listenerController = new AbortController();
  insertBefore(j, point, [j.variableDeclaration('const', [j.variableDeclarator(j.identifier(controllerName), j.newExpression(j.identifier('AbortController'), []))])]);
}


