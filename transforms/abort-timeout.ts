import type { API, ASTPath, FileInfo, Options } from 'jscodeshift';
import { isGlobalName } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import { isFunctionLiteral, isIdentifier, isInside, propertyName, unwrapExpression } from './lib/nodes';
import { codeLine, codeOf, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';
import { findEnclosingFunction, isFunctionNode } from './lib/statements';
import {
  isBindingReference,
  isClearTimeoutCallOf,
  isEffectFree,
  resolveSetTimeout,
  sameBindingReferences,
  timerCallOf,
} from './lib/timers';

// `const c = new AbortController(); setTimeout(() => c.abort(), ms); await fetch(url, { signal: c.signal })`
// bounds the request, but the abort timer is never cleared (or only when fetch succeeds): it fires
// after the work is done, keeps the process up until then, and holds the controller. The rewrite
// keeps the handle and clears it on every exit from the statements that use the signal, reading the
// body included: `try { ... } finally { clearTimeout(handle); }`.
// `--prefer-signal-timeout=true` uses `AbortSignal.timeout(ms)` instead, whose rejection is a
// `TimeoutError`, not an `AbortError`: refused when the file looks at error names.

export const MESSAGES = {
  shadowed: {
    what: 'AbortController timeout',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'clear the timer by hand on every exit, or rename the local `{name}`',
  },
  controllerNotLocal: {
    what: 'AbortController timeout',
    why: 'the timer aborts `{name}`, which is not an `AbortController` declared with const just before it in the same block',
    fix: 'create the controller with `const ... = new AbortController()` in the block that arms the timer, then clear the timer in a finally around its uses',
  },
  alreadyCleared: {
    what: 'AbortController timeout',
    why: 'its timer `{name}` is already cleared in a finally around the uses of the signal',
    fix: 'nothing to do',
    severity: 'note',
  },
  handleEscapes: {
    what: 'AbortController timeout',
    why: 'the timer handle `{name}` is used for more than clearing it (returned, passed on, stored or reassigned)',
    fix: 'keep one const handle and clear it in a finally around the uses of the signal',
  },
  signalUsedBefore: {
    what: 'AbortController timeout',
    why: '`{name}` is used before the timer is armed, so a finally after the timer would not cover every use',
    fix: 'arm the timer right after creating the controller, then clear it in a finally around every use of the signal',
  },
  signalEscapes: {
    what: 'AbortController timeout',
    why: '`{name}` is used for more than `fetch(url, { signal: {name}.signal })`, and whatever else holds the signal may rely on the late abort (a listener removed by it, a stream it ends)',
    fix: 'clear the timer yourself once nothing holds the signal any more',
  },
  fetchNotAwaited: {
    what: 'AbortController timeout',
    why: 'the fetch is not awaited by this block itself (it is returned, kept as a promise, or started in a nested function), so the request may outlive a finally around the block',
    fix: 'await the fetch (and its body) inside the block, or clear the timer in .finally() on the promise you return',
  },
  responseEscapes: {
    what: 'AbortController timeout',
    why: 'the response `{name}` leaves this block before its body is read, and the timer still bounds that later read',
    fix: 'read the body here (`return await {name}.json()`), or clear the timer where the body has been read',
  },
  unsupportedScope: {
    what: 'AbortController timeout',
    why: 'the timer is armed {where}, where a try/finally cannot wrap the uses of the signal',
    fix: 'move the code into a function body, then clear the timer in a finally around the uses of the signal',
  },
  declaredForCodeAbove: {
    what: 'AbortController timeout',
    why: '`{name}` is declared after the timer and read by code above it, which could not see into a try block',
    fix: 'move that code below the declaration, then clear the timer in a finally around the uses of the signal',
  },
  noUse: {
    what: 'AbortController timeout',
    why: 'no statement after the timer uses `{name}`, so there is no scope to clear it from',
    fix: 'clear the timer where the signal\'s work ends',
  },
  signalTimeoutRefused: {
    what: 'AbortController timeout',
    why: '--prefer-signal-timeout: AbortSignal.timeout() rejects with a TimeoutError, and this file inspects error names ({evidence}); the timer is cleared in a finally instead',
    fix: 'check for both names (`AbortError` and `TimeoutError`) before switching to AbortSignal.timeout()',
  },
} satisfies MessageTable<string>;

type Refusal = SiteRefusal<keyof typeof MESSAGES>;

interface AbortPlan {
  /** the block's statement list */
  listPath: ASTPath<any>;
  controllerStatement: ASTPath<any>;
  controllerName: string;
  timerStatement: ASTPath<any>;
  timerCall: any;
  /** the existing const handle, or undefined when the timer's handle is dropped */
  handleName?: string;
  clearCallee: () => any;
  /** statements after the timer up to the end of the block */
  regionStart: number;
  /** `return fetch(...).then(...)`: cleared in `.finally()` on the returned chain instead of a try/finally */
  returnedChain?: ASTPath<any>;
  /** `AbortSignal.timeout(ms)` instead (option set and safe) */
  useSignalTimeout: boolean;
  signalTimeoutRefusal?: string;
}

const RESPONSE_FIELDS = new Set(['ok', 'status', 'statusText', 'headers', 'url', 'redirected', 'type', 'bodyUsed']);
const BODY_READERS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes']);

export const abortTimeout: Codemod = {
  name: 'abort-timeout',
  summary: 'Clears the timer that aborts an `AbortController` on every exit from the code that uses its signal (body read included), or opts into `AbortSignal.timeout()`.',
  mayApply: (source) => source.includes('abort') && source.includes('setTimeout'),
  calls: [{ callee: 'abort', inside: 'setTimeout' }],
  apply: (ctx) => {
    const { j, root } = ctx;
    const { plans, consider } = collectPlans<AbortPlan, keyof typeof MESSAGES>(ctx, MESSAGES);
    ctx.find(j.CallExpression).forEach((path) => consider(planAbortTimer(ctx, path)));
    if (plans.length === 0) return false;
    const allocate = createNameAllocator(ctx);
    // Names in reading order; rewrites from the last site up, so that wrapping a later site's
    // statements in a try never moves the statements an earlier site still has to wrap.
    const names = plans.map((plan) => {
      const fnPath = findEnclosingFunction(plan.timerStatement);
      if (plan.useSignalTimeout) return allocate('timeoutSignal', fnPath);
      return plan.handleName ?? allocate('timerHandle', fnPath);
    });
    for (let index = plans.length - 1; index >= 0; index -= 1) {
      const plan = plans[index];
      if (plan.signalTimeoutRefusal) ctx.report(plan.timerCall, MESSAGES.signalTimeoutRefused, { evidence: plan.signalTimeoutRefusal });
      recordFixedSite(ctx, abortTimeout.name, plan.timerCall);
      if (plan.useSignalTimeout) rewriteToSignalTimeout(ctx, plan, names[index]);
      else rewriteWithFinally(ctx, plan, names[index]);
    }
    return true;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([abortTimeout], file, api, options);
}

function preferSignalTimeout(options: Options): boolean {
  const value = options['prefer-signal-timeout'] ?? options.preferSignalTimeout;
  return value === true || value === 'true';
}

/* ------------------------------------------------------------------------------------------------
 * Decide
 * ---------------------------------------------------------------------------------------------- */

// `() => c.abort()`, `() => { c.abort(); }`: the name of the controller the timer aborts.
function abortedName(callback: any): { name: string; call: any; member?: any } | undefined {
  if (!isFunctionLiteral(callback) || callback.params.length !== 0 || callback.async) return undefined;
  let body = callback.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.body[0].type !== 'ExpressionStatement') return undefined;
    body = body.body[0].expression;
  }
  if (body?.type !== 'CallExpression' || propertyName(body.callee) !== 'abort') return undefined;
  if (body.arguments.length > 1 || !body.arguments.every(isEffectFree)) return undefined;
  const object = body.callee.object;
  if (isIdentifier(object)) return { name: object.name, call: body };
  // `this.controller.abort()`: a controller other code can reach
  return object.type === 'MemberExpression' ? { name: '', call: body, member: object } : undefined;
}

function planAbortTimer(ctx: CodemodContext, callPath: ASTPath<any>): AbortPlan | Refusal | null {
  const { j } = ctx;
  const timerCall = callPath.node;
  if (timerCallOf(timerCall) !== timerCall) return null;
  const aborted = abortedName(timerCall.arguments[0]);
  if (!aborted || timerCall.arguments.length !== 2) return null;
  if (aborted.member) return { id: 'controllerNotLocal', node: timerCall, data: { name: codeLine(ctx, aborted.member) } };
  const controllerName = aborted.name;

  // The timer is its own statement: `setTimeout(...)`, `setTimeout(...).unref()` or `const t = setTimeout(...)`.
  let statementPath: ASTPath<any> = callPath.parent;
  if (statementPath.node.type === 'MemberExpression' && propertyName(statementPath.node) === 'unref') statementPath = statementPath.parent.parent;
  let handleName: string | undefined;
  if (statementPath.node.type === 'VariableDeclarator' && statementPath.parent.node.declarations.length === 1 && statementPath.node.id.type === 'Identifier') {
    handleName = statementPath.node.id.name as string;
    statementPath = statementPath.parent;
  } else if (statementPath.node.type !== 'ExpressionStatement') {
    return { id: 'controllerNotLocal', node: timerCall, data: { name: controllerName } };
  }
  const listPath = statementPath.parentPath;
  const holder = statementPath.parent?.node;
  if (!Array.isArray(listPath?.value) || holder?.type !== 'BlockStatement') {
    const where = holder?.type === 'Program' ? 'at the top level of the module' : holder?.type === 'SwitchCase' ? 'in a switch case' : 'outside a block';
    return { id: 'unsupportedScope', node: timerCall, data: { where } };
  }
  const fnNode = findEnclosingFunction(statementPath).node;
  if (!isFunctionNode(fnNode)) return { id: 'unsupportedScope', node: timerCall, data: { where: 'outside a function' } };
  if (fnNode.generator) return { id: 'unsupportedScope', node: timerCall, data: { where: 'in a generator' } };

  // const controller = new AbortController(); earlier in the same block
  const list: any[] = listPath.value;
  const timerIndex = list.indexOf(statementPath.node);
  const controllerIndex = list.findIndex(
    (statement, index) =>
      index < timerIndex &&
      statement.type === 'VariableDeclaration' &&
      statement.kind === 'const' &&
      statement.declarations.length === 1 &&
      isIdentifier(statement.declarations[0].id, controllerName) &&
      statement.declarations[0].init?.type === 'NewExpression' &&
      isIdentifier(statement.declarations[0].init.callee, 'AbortController') &&
      statement.declarations[0].init.arguments.length === 0,
  );
  if (controllerIndex === -1) return { id: 'controllerNotLocal', node: timerCall, data: { name: controllerName } };
  const controllerStatement: ASTPath<any> = listPath.get(controllerIndex);
  if (!isGlobalName(controllerStatement, 'AbortController')) return { id: 'shadowed', node: controllerStatement.node, data: { name: 'AbortController' } };
  const callee = resolveSetTimeout(callPath, timerCall.callee);
  if (callee === null) return null;
  if (!callee.ok) return { id: 'shadowed', node: timerCall, data: { name: callee.name } };

  // Every use of the controller after its timer, in this block, and only as a fetch signal (or an explicit abort).
  const fnPath = findEnclosingFunction(statementPath);
  const controllerId = controllerStatement.get('declarations', 0, 'id');
  const uses = sameBindingReferences(j, fnPath, controllerId, controllerName).filter((path) => path.node !== controllerId.node && !isInside(path, aborted.call));
  const regionStart = timerIndex + 1;
  const region = list.slice(regionStart);
  const inRegion = (path: ASTPath<any>) => region.some((statement) => isInside(path, statement));
  const early = uses.find((path) => !inRegion(path));
  if (early) return { id: 'signalUsedBefore', node: early.node, data: { name: controllerName } };
  if (uses.length === 0) return { id: 'noUse', node: timerCall, data: { name: controllerName } };
  const fetchCalls: ASTPath<any>[] = [];
  let explicitAborts = 0;
  for (const use of uses) {
    const fetchCall = fetchSignalUse(use);
    if (fetchCall) {
      fetchCalls.push(fetchCall);
      continue;
    }
    const member = use.parent?.node;
    if (propertyName(member) === 'abort' && use.parent.parent?.node.type === 'CallExpression' && use.parent.parent.node.callee === member) {
      explicitAborts += 1;
      continue;
    }
    return { id: 'signalEscapes', node: use.node, data: { name: controllerName } };
  }
  if (fetchCalls.some((path) => !isGlobalName(path, 'fetch'))) return { id: 'signalEscapes', node: fetchCalls.find((path) => !isGlobalName(path, 'fetch'))!.node, data: { name: controllerName } };

  // The existing handle: only cleared; already cleared in a finally around the region: nothing to do.
  let guardedEnd = list.length;
  if (handleName) {
    const handleId = statementPath.get('declarations', 0, 'id');
    const handleUses = sameBindingReferences(j, fnPath, handleId, handleName).filter((path) => path.node !== handleId.node);
    const nonClear = handleUses.find((path) => !isClearTimeoutCallOf(path.parent.node, handleName!));
    if (nonClear) return { id: 'handleEscapes', node: nonClear.node, data: { name: handleName } };
    const lastTry = region.length === 1 && region[0].type === 'TryStatement' ? region[0] : undefined;
    if (lastTry?.finalizer && lastTry.finalizer.body.some((statement: any) => statement.type === 'ExpressionStatement' && isClearTimeoutCallOf(statement.expression, handleName!))) {
      return { id: 'alreadyCleared', node: timerCall, data: { name: handleName } };
    }
    // `clearTimeout(t);` in the block itself: after it, the timer bounds nothing, as today.
    const clearIndex = list.findIndex((statement, index) => index > timerIndex && statement.type === 'ExpressionStatement' && isClearTimeoutCallOf(statement.expression, handleName!));
    if (clearIndex !== -1) guardedEnd = clearIndex;
  }
  const guarded = list.slice(regionStart, guardedEnd);
  const inGuarded = (path: ASTPath<any>) => guarded.some((statement) => isInside(path, statement));

  // Hoisted function declarations would change meaning inside a block.
  const hoisted = region.find((statement) => statement.type === 'FunctionDeclaration');
  if (hoisted) return { id: 'unsupportedScope', node: hoisted, data: { where: 'before a function declaration that the try block would hide' } };
  // A name the region declares must not be read from before the timer (a closure defined earlier).
  const outsider = readFromOutside(ctx, listPath, regionStart, fnPath);
  if (outsider) return { id: 'declaredForCodeAbove', node: outsider.node, data: { name: outsider.name } };

  // What the signal bounds must end inside the block: each guarded fetch awaited, each response read there.
  let returnedChain: ASTPath<any> | undefined;
  for (const fetchPath of fetchCalls.filter(inGuarded)) {
    // a fetch in a nested function may still run after the block is left
    if (findEnclosingFunction(fetchPath).node !== fnNode) return { id: 'fetchNotAwaited', node: fetchPath.node };
    const awaited = awaitedChainOf(fetchPath);
    if (!awaited) {
      // `return fetch(...).then((r) => r.text());` as the only statement after the timer: the
      // returned promise settles once the body is read, so `.finally()` on it clears the timer then.
      const chain = chainTopOf(fetchPath);
      if (handleName && isClearedInFinallyOn(chain, handleName)) return { id: 'alreadyCleared', node: timerCall, data: { name: handleName } };
      const isOnlyReturn = region.length === 1 && chain.parent?.node.type === 'ReturnStatement' && chain.parent.node === region[0] && fetchCalls.length === 1;
      if (!isOnlyReturn) return { id: 'fetchNotAwaited', node: fetchPath.node };
      if (!chainReadsBody(chain.node)) return { id: 'responseEscapes', node: chain.node, data: { name: 'response' } };
      returnedChain = chain;
      continue;
    }
    const escape = responseEscape(ctx, awaited, fnPath, inGuarded);
    if (escape) return { id: 'responseEscapes', node: escape.node, data: { name: escape.name } };
  }

  const plan: AbortPlan = {
    listPath,
    controllerStatement,
    controllerName,
    timerStatement: statementPath,
    timerCall,
    handleName,
    clearCallee: () => callee.clearCallee(j),
    regionStart,
    useSignalTimeout: false,
    returnedChain,
  };
  if (preferSignalTimeout(ctx.options)) {
    const evidence = errorNameEvidence(ctx);
    const signalTimeoutSafe =
      explicitAborts === 0 &&
      aborted.call.arguments.length === 0 &&
      !handleName &&
      callee.timerFunction.join('.') === 'setTimeout' &&
      isGlobalName(controllerStatement, 'AbortSignal') &&
      (timerIndex === controllerIndex + 1 || isEffectFree(timerCall.arguments[1])) &&
      timerCallOf(statementPath.node.expression) === statementPath.node.expression &&
      statementPath.node.expression === timerCall;
    if (evidence) plan.signalTimeoutRefusal = evidence;
    else if (signalTimeoutSafe) plan.useSignalTimeout = true;
  }
  return plan;
}

// Names declared by the region's own statements (`const`, `let`, `class`) that are referenced outside it.
function readFromOutside(ctx: CodemodContext, listPath: ASTPath<any>, regionStart: number, fnPath: ASTPath<any>): { node: any; name: string } | undefined {
  const { j } = ctx;
  const list: any[] = listPath.value;
  for (let index = regionStart; index < list.length; index += 1) {
    const statementPath: ASTPath<any> = listPath.get(index);
    const ids: ASTPath<any>[] = [];
    if (statementPath.node.type === 'VariableDeclaration' && statementPath.node.kind !== 'var') {
      statementPath.node.declarations.forEach((_: any, declaratorIndex: number) => {
        j(statementPath.get('declarations', declaratorIndex, 'id')).find(j.Identifier).forEach((path) => {
          if (isBindingReference(path)) ids.push(path);
        });
        const id = statementPath.get('declarations', declaratorIndex, 'id');
        if (id.node.type === 'Identifier') ids.push(id);
      });
    } else if (statementPath.node.type === 'ClassDeclaration' && statementPath.node.id) {
      ids.push(statementPath.get('id'));
    }
    for (const id of ids) {
      const outside = sameBindingReferences(j, fnPath, id, id.node.name).find((path) => !list.slice(regionStart).some((statement) => isInside(path, statement)));
      if (outside) return { node: outside.node, name: id.node.name };
    }
  }
  return undefined;
}

// `fetch(url, { signal: c.signal })`: the fetch call, when `use` is the `c` of that `c.signal`.
function fetchSignalUse(use: ASTPath<any>): ASTPath<any> | undefined {
  const member = use.parent;
  if (member?.node.type !== 'MemberExpression' || member.node.object !== use.node || propertyName(member.node) !== 'signal') return undefined;
  const property = member.parent;
  if (!(property?.node.type === 'ObjectProperty' || property?.node.type === 'Property') || property.node.value !== member.node) return undefined;
  const key = property.node.key;
  if (!(isIdentifier(key, 'signal') && !property.node.computed)) return undefined;
  const init = property.parent;
  const call = init?.parent;
  if (init?.node.type !== 'ObjectExpression' || call?.node.type !== 'CallExpression' || call.node.arguments[1] !== init.node) return undefined;
  if (!isIdentifier(call.node.callee, 'fetch')) return undefined;
  return call;
}

// `<chain>.finally(() => clearTimeout(name))`
function isClearedInFinallyOn(chain: ASTPath<any>, name: string): boolean {
  const member = chain.parent?.node;
  const call = chain.parent?.parent?.node;
  if (member?.type !== 'MemberExpression' || member.object !== chain.node || propertyName(member) !== 'finally' || call?.type !== 'CallExpression') return false;
  const [callback] = call.arguments;
  if (!isFunctionLiteral(callback)) return false;
  const body = callback.body.type === 'BlockStatement' ? (callback.body.body.length === 1 && callback.body.body[0].type === 'ExpressionStatement' ? callback.body.body[0].expression : undefined) : callback.body;
  return isClearTimeoutCallOf(body, name);
}

// `fetch(...).then(...).then(...)`: the outermost call of the chain that starts at the fetch.
function chainTopOf(fetchPath: ASTPath<any>): ASTPath<any> {
  let current: ASTPath<any> = fetchPath;
  while (current.parent?.node.type === 'MemberExpression' && current.parent.node.object === current.node && propertyName(current.parent.node) === 'then' && current.parent.parent?.node.type === 'CallExpression') {
    current = current.parent.parent;
  }
  return current;
}

// `await fetch(...)` or `await fetch(...).then(...)`: the AwaitExpression path, or undefined.
function awaitedChainOf(fetchPath: ASTPath<any>): ASTPath<any> | undefined {
  let current: ASTPath<any> = fetchPath;
  for (;;) {
    const parent = current.parent;
    if (parent?.node.type === 'MemberExpression' && parent.node.object === current.node && ['then', 'catch'].includes(propertyName(parent.node) ?? '') && parent.parent?.node.type === 'CallExpression') {
      current = parent.parent;
      continue;
    }
    if (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(parent?.node.type)) {
      current = parent;
      continue;
    }
    break;
  }
  return current.parent?.node.type === 'AwaitExpression' ? current.parent : undefined;
}

// What the awaited fetch gives back must not leave the block with its body unread: a `const res`
// read for its status fields or its body (awaited), a status field, an awaited body reader, or a
// chain whose handlers only read the body (`.then((r) => r.json())`).
function responseEscape(ctx: CodemodContext, awaitPath: ASTPath<any>, fnPath: ASTPath<any>, inGuarded: (path: ASTPath<any>) => boolean): { node: any; name: string } | undefined {
  const { j } = ctx;
  const awaited = unwrapExpression(awaitPath.node.argument);
  const isBareFetch = awaited.type === 'CallExpression' && isIdentifier(awaited.callee, 'fetch');
  if (!isBareFetch) return chainReadsBody(awaited) ? undefined : { node: awaited, name: 'response' };
  let inner: ASTPath<any> = awaitPath;
  let holder = awaitPath.parent;
  while (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(holder?.node.type)) {
    inner = holder;
    holder = holder.parent;
  }
  if (holder?.node.type === 'ExpressionStatement') return undefined;
  if (holder?.node.type === 'MemberExpression' && holder.node.object === inner.node) {
    // (await fetch(...)).status, await (await fetch(...)).json()
    if (isResponseRead(holder)) return undefined;
    return { node: holder.node, name: 'response' };
  }
  if (holder?.node.type === 'VariableDeclarator' && holder.node.id.type === 'Identifier' && holder.parent.node.kind === 'const') {
    const name = holder.node.id.name;
    for (const use of sameBindingReferences(j, fnPath, holder.get('id'), name).filter((path) => path.node !== holder.node.id)) {
      if (!inGuarded(use)) continue;
      const member = use.parent;
      if (member?.node.type === 'MemberExpression' && member.node.object === use.node && isResponseRead(member)) continue;
      return { node: use.node, name };
    }
    return undefined;
  }
  return { node: awaitPath.node, name: 'response' };
}

// `res.status` (not `res.body`), or `await res.json()`.
function isResponseRead(memberPath: ASTPath<any>): boolean {
  const field = propertyName(memberPath.node) ?? '';
  if (RESPONSE_FIELDS.has(field)) return true;
  const call = memberPath.parent;
  return BODY_READERS.has(field) && call?.node.type === 'CallExpression' && call.node.callee === memberPath.node && isAwaitedHere(call);
}

// fetch(...).then((response) => response.json()): every handler reads the body and returns what it read.
function chainReadsBody(chain: any): boolean {
  let current = chain;
  let reads = 0;
  while (current?.type === 'CallExpression' && propertyName(current.callee) === 'then' && current.arguments.length === 1) {
    const handler = current.arguments[0];
    const object = unwrapExpression(current.callee.object);
    const isFirst = object.type === 'CallExpression' && isIdentifier(object.callee, 'fetch');
    if (isFirst) {
      if (!isFunctionLiteral(handler) || handler.params.length !== 1 || handler.params[0].type !== 'Identifier') return false;
      const body = handler.body.type === 'BlockStatement' ? undefined : unwrapExpression(handler.body);
      if (!(body?.type === 'CallExpression' && BODY_READERS.has(propertyName(body.callee) ?? '') && isIdentifier(body.callee.object, handler.params[0].name))) return false;
      reads += 1;
    }
    current = object;
  }
  return reads === 1 && current?.type === 'CallExpression' && isIdentifier(current.callee, 'fetch');
}

function isAwaitedHere(callPath: ASTPath<any>): boolean {
  let current = callPath.parent;
  while (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(current?.node.type)) current = current.parent;
  return current?.node.type === 'AwaitExpression';
}

// `err.name`, `.name ===`, 'AbortError' or 'TimeoutError' anywhere in the file.
function errorNameEvidence(ctx: CodemodContext): string | undefined {
  const { j, root } = ctx;
  const literal = ctx.find(j.Literal).filter((path) => typeof (path.node as any).value === 'string' && /^(?:AbortError|TimeoutError)$/.test((path.node as any).value));
  const stringLiteral = ctx.find(j.StringLiteral, (node: any) => /^(?:AbortError|TimeoutError)$/.test(node.value));
  if (literal.length > 0 || stringLiteral.length > 0) return `'${(literal.length > 0 ? (literal.paths()[0].node as any).value : (stringLiteral.paths()[0].node as any).value)}'`;
  const nameRead = ctx.find(j.MemberExpression).filter((path) => propertyName(path.node) === 'name' && isBindingReference(path.get('object')));
  if (nameRead.length > 0) return `\`${codeOf(ctx, nameRead.paths()[0].node)}\``;
  return undefined;
}

/* ------------------------------------------------------------------------------------------------
 * Rewrite
 * ---------------------------------------------------------------------------------------------- */

function rewriteWithFinally(ctx: CodemodContext, plan: AbortPlan, handleName: string): void {
  const { j } = ctx;
  if (!plan.handleName) {
    // const timerHandle = setTimeout(() => controller.abort(), ms);
    const declaration: any = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(handleName), plan.timerStatement.node.expression)]);
    declaration.comments = plan.timerStatement.node.comments;
    plan.timerStatement.replace(declaration);
  }
  if (plan.returnedChain) {
    // return fetch(...).then(...).finally(() => clearTimeout(timerHandle));
    const clearArrow = j.arrowFunctionExpression([], j.callExpression(plan.clearCallee(), [j.identifier(handleName)]));
    plan.returnedChain.replace(j.callExpression(j.memberExpression(plan.returnedChain.node, j.identifier('finally')), [clearArrow]));
    return;
  }
  // try { ...the statements that use the signal... } finally { clearTimeout(timerHandle); }
  const list: any[] = plan.listPath.value;
  const region = list.slice(plan.regionStart);
  const clear = j.expressionStatement(j.callExpression(plan.clearCallee(), [j.identifier(handleName)]));
  // a lone `try { ... } catch { ... }` after the timer takes the finally itself
  if (region.length === 1 && region[0].type === 'TryStatement' && !region[0].finalizer) {
    region[0].finalizer = j.blockStatement([clear]);
    return;
  }
  const tryStatement = j.tryStatement(j.blockStatement(region), null, j.blockStatement([clear]));
  list.splice(plan.regionStart, region.length, tryStatement);
}

function rewriteToSignalTimeout(ctx: CodemodContext, plan: AbortPlan, signalName: string): void {
  const { j } = ctx;
  const fnPath = findEnclosingFunction(plan.timerStatement);
  const controllerId = plan.controllerStatement.get('declarations', 0, 'id');
  // controller.signal  becomes  timeoutSignal
  for (const use of sameBindingReferences(j, fnPath, controllerId, plan.controllerName)) {
    if (use.node === controllerId.node || isInside(use, plan.timerCall)) continue;
    use.parent.replace(j.identifier(signalName));
  }
  // const timeoutSignal = AbortSignal.timeout(ms);
  const declarator = plan.controllerStatement.node.declarations[0];
  declarator.id = j.identifier(signalName);
  declarator.init = j.callExpression(j.memberExpression(j.identifier('AbortSignal'), j.identifier('timeout')), [plan.timerCall.arguments[1]]);
  plan.timerStatement.prune();
}

