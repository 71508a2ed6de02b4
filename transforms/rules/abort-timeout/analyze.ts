// abort-timeout: a timer that aborts an AbortController bounds the work that uses the signal; it
// must be cleared on every exit from that work (reading a response's body included). Safe when a
// `finally` around the uses (or on the fetch chain) clears it; fixable with a try/finally around the
// statements after the timer under the preconditions below.
import { propertyName } from '../../analysis/resolve';
import { isFunction, unwrap } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import type { AbortSite } from '../../model/abort';
import { isEffectFree, mayThrowSync } from '../../model/effects';
import { mayLeaveEarly, readFromOutside, runsOnEveryPathOf, walkOwn } from '../../model/paths';
import type { Facts } from '../../model/facts';
import { clearSpelling } from '../../model/spelling';
import type { MessageId } from './messages';

export interface AbortPlan {
  site: AbortSite;
  /** the block's statements; the region is from `regionStart` to the end */
  list: any[];
  regionStart: number;
  /** the existing const handle, or undefined when the timer's handle is dropped */
  handleName?: string;
  clear: string;
  /** `clearTimeout(handle);` in the region, with nothing awaited after it: the finally replaces it */
  redundantClear?: any;
  /** `return fetch(...).then(...)`: cleared in `.finally()` on the returned chain instead of a try/finally */
  returnedChain?: any;
  /** `AbortSignal.timeout(ms)` instead (option set and safe) */
  useSignalTimeout: boolean;
}

type Result = Verdict<AbortPlan>;

const RESPONSE_FIELDS = new Set(['ok', 'status', 'statusText', 'headers', 'url', 'redirected', 'type', 'bodyUsed']);
const BODY_READERS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes']);

/** why a clear that exists does not run on every path */
interface Gap {
  messageId: MessageId;
  data?: Record<string, string>;
}

const refuse = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'refused', messageId, at, data });
const unknown = (messageId: MessageId, at: any, data?: Record<string, string>): Result => ({ status: 'unknown', messageId, at, data });

function preferSignalTimeout(options: Readonly<Record<string, unknown>>): boolean {
  const value = options['prefer-signal-timeout'] ?? options.preferSignalTimeout;
  return value === true || value === 'true';
}

export function analyzeAbort(site: AbortSite, { facts, options }: RuleContext): Result | undefined {
  const { tree } = facts;
  const timerCall = site.node;
  if (site.lookalike) return unknown(site.lookalike.foreign ? 'foreignTimer' : 'shadowed', site.lookalike.node, { name: site.lookalike.name });
  if (!site.controller) return unknown('controllerNotLocal', timerCall, { name: facts.code(site.controllerNode, 60) });
  const controller = site.controller;
  const controllerName = controller.name;
  if (site.timer.call.arguments.length !== 2) return undefined;
  const statement = site.timerStatement;
  if (!statement) return unknown('timerInExpression', timerCall, { code: facts.code(tree.parent(site.timer.expression) ?? site.timer.expression, 60) });
  // Already cleared on every exit (a finally around every use of the signal): checked before any
  // precondition of the fix, wherever the code is (a generator, a switch case).
  if (site.timer.capture.kind === 'declared') {
    const cleared = clearedInFinallyAroundUses(facts, site);
    if (cleared === 'every run') return { status: 'safe', messageId: 'alreadyCleared', at: timerCall, data: { name: site.timer.capture.binding.name } };
    // a clear in a finally this cannot prove runs: a try/finally around it would only nest another
    if (cleared) return unknown(cleared.messageId, timerCall, { name: site.timer.capture.binding.name, ...cleared.data });
  }
  const place = tree.listOf(statement);
  if (!place || place.holder.type !== 'BlockStatement') {
    const where = place?.holder.type === 'Program' ? 'at the top level of the module' : place?.holder.type === 'SwitchCase' ? 'in a switch case' : 'outside a block';
    return refuse('unsupportedScope', timerCall, { where });
  }
  const fn = tree.functionOf(statement);
  if (!isFunction(fn)) return refuse('unsupportedScope', timerCall, { where: 'outside a function' });
  if (fn.generator) return refuse('unsupportedScope', timerCall, { where: 'in a generator' });
  const list = place.list;
  const timerIndex = place.index;
  const controllerIndex = list.indexOf(site.controllerStatement);
  if (controllerIndex === -1 || controllerIndex > timerIndex || site.controllerStatement.declarations.length !== 1) return unknown('controllerNotLocal', timerCall, { name: controllerName });
  const clear = clearSpelling(facts, site.timer, statement);
  if (!clear.ok) return refuse('shadowed', timerCall, { name: clear.name });

  // Every use of the controller after its timer, in this block: a request's signal, or an abort of the code's own.
  const uses = controller.references.map((reference) => reference.node).filter((node) => !tree.isInside(node, site.abortCall));
  const regionStart = timerIndex + 1;
  const region = list.slice(regionStart);
  const inRegion = (node: any) => region.some((candidate: any) => tree.isInside(node, candidate));
  const early = uses.find((node) => !inRegion(node));
  if (early) return unknown('signalUsedBefore', early, { name: controllerName });
  if (uses.length === 0) return unknown('noUse', timerCall, { name: controllerName });
  const requests: any[] = [];
  let explicitAborts = 0;
  for (const use of uses) {
    const request = signalRequest(facts, use);
    if (request) {
      requests.push(request);
      continue;
    }
    if (isExplicitAbort(facts, use)) {
      explicitAborts += 1;
      continue;
    }
    // `controller.signal.aborted`, `controller.signal.reason`: a read of its state holds nothing,
    // unless a closure reads it later (`() => c.signal.aborted`), when the cleared timer changes it
    if (isSignalStateRead(facts, use) && tree.functionOf(use) === fn) continue;
    return unknown('signalEscapes', use, { name: controllerName });
  }

  // The existing handle: only cleared; already cleared on every exit: nothing to do.
  const capture = site.timer.capture;
  let handleName: string | undefined;
  let guardedEnd = list.length;
  let redundantClear: any;
  if (capture.kind === 'declared') {
    handleName = capture.binding.name;
    const other = site.timer.uses.find((use) => use.kind !== 'clear');
    if (other) return unknown('handleEscapes', other.node, { name: handleName });
    // a `let` handle is as good as a const while nothing writes it
    const write = capture.binding.references.find((reference) => reference.write);
    if (write || (capture.binding.kind !== 'const' && capture.binding.kind !== 'let')) return unknown('handleEscapes', write?.node ?? capture.declarator, { name: handleName });
    const exits = clearedOnEveryExit(facts, site, region, requests);
    if (exits === 'every run') return { status: 'safe', messageId: 'alreadyCleared', at: timerCall, data: { name: handleName } };
    // a finally that clears unless a call before it throws: said so, not rewritten (a try/finally would only nest another)
    if (exits?.messageId === 'clearedUnlessThrows' || exits?.messageId === 'clearedLateInFinally') return unknown(exits.messageId, timerCall, { name: handleName, ...exits.data });
    // `clearTimeout(t);` in the block itself: after it, the timer bounds nothing, as today
    const clearIndex = list.findIndex((candidate: any, index: number) => index > timerIndex && candidate.type === 'ExpressionStatement' && site.timer.uses.some((use) => use.call === unwrap(candidate.expression)));
    if (clearIndex !== -1) guardedEnd = clearIndex;
    // with nothing awaited after it, the finally clears the timer in the same run: that clear can go
    if (clearIndex !== -1 && !list.slice(clearIndex + 1).some((candidate: any) => yieldsIn(facts, candidate))) redundantClear = list[clearIndex];
  } else if (capture.kind !== 'none') {
    return unknown('handleEscapes', capture.kind === 'stored' ? capture.node : capture.assignment, { name: capture.kind === 'stored' ? capture.description : capture.binding.name });
  }
  const guarded = list.slice(regionStart, guardedEnd);
  const inGuarded = (node: any) => guarded.some((candidate: any) => tree.isInside(node, candidate));

  // Hoisted function declarations would change meaning inside a block.
  const hoisted = region.find((candidate: any) => candidate.type === 'FunctionDeclaration');
  if (hoisted) return refuse('unsupportedScope', hoisted, { where: 'before a function declaration that the try block would hide' });
  // A name the region declares must not be read from before the timer (a closure defined earlier).
  const outsider = readFromOutside(facts, region);
  if (outsider) return refuse('declaredForCodeAbove', outsider.node, { name: outsider.name });

  // What the signal bounds must end inside the block: each guarded request awaited, each response read there.
  let returnedChain: any;
  for (const request of requests.filter(inGuarded)) {
    if (tree.functionOf(request) !== fn) return unknown('fetchNotAwaited', request);
    const awaited = awaitedChainOf(facts, request);
    if (!awaited) {
      // `return fetch(...).then((r) => r.text());` as the only statement after the timer: the
      // returned promise settles once the body is read, so `.finally()` on it clears the timer then.
      const chain = chainTopOf(facts, request);
      const chained = handleName ? clearedInFinallyOn(facts, site, chain) : undefined;
      if (chained === 'every run') return { status: 'safe', messageId: 'alreadyCleared', at: timerCall, data: { name: handleName! } };
      // `.finally()` on the chain clears it, but not on every path: another `.finally()` would only nest it
      if (chained) return unknown(chained.messageId, timerCall, { name: handleName!, ...chained.data });
      const holder = tree.parent(chain);
      const isOnlyReturn = region.length === 1 && holder?.type === 'ReturnStatement' && holder === region[0] && requests.length === 1;
      if (!isOnlyReturn) return unknown('fetchNotAwaited', request);
      if (!chainReadsBody(chain)) return unknown('responseEscapes', chain, { name: 'response' });
      returnedChain = chain;
      continue;
    }
    const escape = responseEscape(facts, awaited, inGuarded, fn);
    if (escape) return unknown('responseEscapes', escape.node, { name: escape.name });
  }

  // a try/finally wraps whole lines: the region must not share one with the code around it
  const first = region[0];
  const last = region[region.length - 1];
  const loneTry = region.length === 1 && first.type === 'TryStatement' && !first.finalizer;
  if (!returnedChain && !loneTry && !facts.source.ownsLines(first, last)) return refuse('sharedLine', first, { code: facts.code(statement, 60) });

  // a block comment over several lines in the region: indenting its lines would change the comment
  const spanning = !returnedChain && !loneTry ? (facts.file.comments ?? []).find((comment: any) => comment.type === 'CommentBlock' && comment.start >= first.start && comment.end <= last.end && /[\r\n]/.test(comment.value)) : undefined;
  if (spanning) return refuse('blockCommentInRegion', spanning, { code: facts.code(spanning, 40) });

  const plan: AbortPlan = { site, list, regionStart, handleName, clear: clear.spelling, returnedChain, redundantClear, useSignalTimeout: false };
  const remarks: Remark[] = [];
  if (preferSignalTimeout(options)) {
    const evidence = errorNameEvidence(facts);
    const signalTimeoutSafe =
      explicitAborts === 0 &&
      site.abortCall.arguments.length === 0 &&
      site.abortCall.type === 'CallExpression' &&
      propertyName(unwrap(site.abortCall.callee)) === 'abort' &&
      !handleName &&
      site.timer.builtin.via.kind === 'global' &&
      facts.resolver.isFreeAt(site.controllerStatement, 'AbortSignal') &&
      armsWhereControllerIs(facts, list.slice(controllerIndex + 1, timerIndex), site.timer.delay) &&
      site.timer.expression === site.timer.call;
    // `${error}`, String(error), console.error(error): the text shows which error it is
    const used = evidence ? undefined : caughtErrorUse(facts);
    if (evidence) remarks.push({ status: 'refused', messageId: 'signalTimeoutRefused', at: timerCall, data: { evidence } });
    else if (used) remarks.push({ status: 'refused', messageId: 'signalTimeoutErrorUsed', at: timerCall, data: { evidence: used } });
    else if (signalTimeoutSafe) plan.useSignalTimeout = true;
  }
  return { status: 'fixable', plan, remarks };
}

// `request(url, { signal: c.signal })` with `use` the `c`: the request call. Any callee counts
// (the platform's fetch, `this.socket.fetch`, a client's `get`): its awaited end is checked below.
// `controller.abort()` of the code's own
function isExplicitAbort(facts: Facts, use: any): boolean {
  const member = facts.tree.parent(use);
  const call = member && facts.tree.parent(member);
  return propertyName(member) === 'abort' && call?.type === 'CallExpression' && call.callee === member;
}

function isSignalStateRead(facts: Facts, use: any): boolean {
  const { tree } = facts;
  const member = tree.parent(use);
  if (member?.type !== 'MemberExpression' || member.object !== use || propertyName(member) !== 'signal') return false;
  const state = tree.parent(member);
  if ((state?.type !== 'MemberExpression' && state?.type !== 'OptionalMemberExpression') || state.object !== member) return false;
  const name = propertyName(state);
  if (name !== 'aborted' && name !== 'reason') return false;
  const holder = tree.parent(state);
  // read, not written or called
  return !(holder?.type === 'AssignmentExpression' && holder.left === state) && !(holder?.type === 'CallExpression' && holder.callee === state);
}

// `fetch`, or a const of this file that is `fetch` under another name (`const originalFetch = fetch ?? globalThis.fetch`)
function isFetchCallee(facts: Facts, callee: any): boolean {
  const name = callee?.type === 'Identifier' ? callee.name : propertyName(callee);
  if (facts.resolver.is(callee, 'fetch')) return true;
  // a function of this file named `fetch` is not the platform's: what it does with the signal is its own
  if (callee?.type === 'Identifier' && name === 'fetch' && facts.resolver.localFunctionOf(callee)) return false;
  if (name === 'fetch') return true;
  if (callee?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(callee);
  const declarator = binding?.declaration;
  if (binding?.kind !== 'const' || declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.id) return false;
  const init = unwrap(declarator.init);
  const operands = init?.type === 'LogicalExpression' ? [unwrap(init.left), unwrap(init.right)] : [init];
  return operands.some((operand) => operand !== undefined && operand !== callee && (facts.resolver.is(operand, 'fetch') || (operand.type === 'Identifier' && operand.name === 'fetch')));
}

function signalRequest(facts: Facts, use: any): any | undefined {
  const { tree } = facts;
  const member = tree.parent(use);
  if (member?.type !== 'MemberExpression' || member.object !== use || propertyName(member) !== 'signal') return undefined;
  const property = tree.parent(member);
  if (!(property?.type === 'ObjectProperty' || property?.type === 'Property') || property.value !== member || property.computed) return undefined;
  if ((property.key.name ?? property.key.value) !== 'signal') return undefined;
  const init = tree.parent(property);
  const call = tree.parent(init);
  if (init?.type !== 'ObjectExpression' || (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || !call.arguments.includes(init)) return undefined;
  return isFetchCallee(facts, unwrap(call.callee)) ? call : undefined;
}

// A clear of the handle in a `finally` whose try holds every use of the controller.
function clearedInFinallyAroundUses(facts: Facts, site: AbortSite): 'every run' | Gap | undefined {
  const { tree } = facts;
  let found: Gap | undefined;
  for (const use of site.timer.uses) {
    if (use.kind !== 'clear') continue;
    for (const ancestor of tree.ancestors(use.call)) {
      if (ancestor.type !== 'TryStatement' || !ancestor.finalizer || !tree.isInside(use.call, ancestor.finalizer)) continue;
      const uses = site.controller!.references.filter((reference) => !tree.isInside(reference.node, site.abortCall));
      if (uses.length === 0 || !uses.every((reference) => tree.isInside(reference.node, ancestor.block))) continue;
      const reached = reachedAndCleared(facts, site, ancestor, use.call);
      if (reached === 'every run') return 'every run';
      found ??= reached;
    }
  }
  return found;
}

// Every run that arms the timer reaches the try, and its finally always clears: the try is a
// statement of the timer's own block after it, with no statement between that may leave first (a
// return, throw, break or continue, an await or yield, `for await`, a `using`, or a call that may
// throw), and the clear is a statement of the finally's block itself (not in a branch of it), with
// nothing before it in the finally that may leave first.
function reachedAndCleared(facts: Facts, site: AbortSite, tryStatement: any, clear: any): 'every run' | Gap {
  const { tree } = facts;
  const someRuns: Gap = { messageId: 'clearedOnSomePaths' };
  const place = site.timerStatement ? tree.listOf(site.timerStatement) : undefined;
  if (!place) return someRuns;
  const at = place.list.indexOf(tryStatement);
  if (at <= place.index) return someRuns;
  const between = place.list.slice(place.index + 1, at);
  if (!between.every((statement: any) => isQuiet(facts, statement))) return someRuns;
  const thrower = mayThrowCall(facts, between);
  if (thrower) return { messageId: 'clearedUnlessThrows', data: { call: facts.code(thrower.callee, 40) } };
  const holder = tree.parent(clear);
  if (holder?.type !== 'ExpressionStatement' || tree.parent(holder) !== tryStatement.finalizer) return someRuns;
  const before = tryStatement.finalizer.body.slice(0, tryStatement.finalizer.body.indexOf(holder));
  const leaving = before.find((statement: any) => !isQuiet(facts, statement) || mayThrowCall(facts, [statement]));
  if (leaving) return { messageId: 'clearedLateInFinally', data: { code: facts.code(leaving, 40) } };
  return 'every run';
}

// a statement that surely runs to its end: nothing in it may leave its list early or give the event
// loop a turn, and it declares no `using` (whose dispose may throw)
function isQuiet(facts: Facts, statement: any): boolean {
  return !mayLeaveEarly(statement) && !yieldsIn(facts, statement) && !(statement.type === 'VariableDeclaration' && (statement.kind === 'using' || statement.kind === 'await using'));
}

// The first call (or `new`) in `roots`, outside nested functions and not `skip`, that may throw
// synchronously (mayThrowSync), outside a try with a catch.
function mayThrowCall(facts: Facts, roots: any[], skip: (call: any) => boolean = () => false): any | undefined {
  const { tree } = facts;
  const calls: any[] = [];
  for (const root of roots) {
    walkOwn(root, (node) => {
      if (node.type !== 'NewExpression' && node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
      if (skip(node) || !mayThrowSync(facts, node)) return;
      for (const ancestor of tree.ancestors(node)) {
        if (ancestor === root) break;
        if (ancestor.type === 'TryStatement' && ancestor.handler && tree.isInside(node, ancestor.block)) return;
      }
      calls.push(node);
    });
  }
  return calls.sort((a, b) => a.start - b.start)[0];
}

// A clear of the handle in a `finally` whose try holds every use of the signal, or `.finally(clear)`
// on the chain of every request.
function clearedOnEveryExit(facts: Facts, site: AbortSite, region: any[], requests: any[]): 'every run' | Gap | undefined {
  const { tree } = facts;
  const clears = site.timer.uses.filter((use) => use.kind === 'clear').map((use) => use.call);
  let gap: Gap | undefined;
  for (const clear of clears) {
    for (const ancestor of tree.ancestors(clear)) {
      if (ancestor.type === 'TryStatement' && ancestor.finalizer && tree.isInside(clear, ancestor.finalizer)) {
        // the signal's holders are in the try; the code's own aborts and reads of its state may be anywhere
        const covers = site.controller!.references.every((reference) => tree.isInside(reference.node, site.abortCall) || tree.isInside(reference.node, ancestor.block) || isExplicitAbort(facts, reference.node) || isSignalStateRead(facts, reference.node));
        if (!covers || !region.includes(ancestor)) continue;
        const reached = reachedAndCleared(facts, site, ancestor, clear);
        if (reached === 'every run') return 'every run';
        gap ??= reached;
      }
    }
  }
  if (requests.length > 0 && requests.every((request) => clearedInFinallyOn(facts, site, chainTopOf(facts, request)) === 'every run')) return 'every run';
  return gap;
}

// `<chain>.finally(() => clearTimeout(handle))`: undefined when no `.finally()` on the chain clears
// the handle; 'every run' when every run that arms the timer attaches it and its callback clears on
// every path: the chain is evaluated whenever a statement of the timer's own block after it runs,
// nothing between them may leave first (a return, a throw, an await, a call that may throw, the
// chain's own arguments included), and the clear is not in a branch of the callback.
function clearedInFinallyOn(facts: Facts, site: AbortSite, chain: any): 'every run' | Gap | undefined {
  const { tree } = facts;
  const member = tree.parent(chain);
  const call = member && tree.parent(member);
  if (member?.type !== 'MemberExpression' || member.object !== chain || propertyName(member) !== 'finally' || call?.type !== 'CallExpression') return undefined;
  const [callback] = call.arguments;
  if (!isFunction(callback)) return undefined;
  const clears = site.timer.uses.filter((use) => use.kind === 'clear' && tree.isInside(use.call, callback)).map((use) => use.call);
  if (clears.length === 0) return undefined;
  const someRuns: Gap = { messageId: 'chainClearedOnSomePaths' };
  if (!clears.some((clear) => runsOnEveryPathOf(tree, callback, clear))) return someRuns;
  const place = site.timerStatement ? tree.listOf(site.timerStatement) : undefined;
  const statement = statementEvaluating(facts, call);
  const at = place && statement ? place.list.indexOf(statement) : -1;
  if (!place || at <= place.index) return someRuns;
  const between = place.list.slice(place.index + 1, at);
  if (!between.every((each: any) => isQuiet(facts, each))) return someRuns;
  // the request and the `.then()` links of the chain: the request rejects rather than throws
  const links = new Set<any>();
  for (let link = chain; link?.type === 'CallExpression'; link = propertyName(link.callee) === 'then' ? unwrap(link.callee.object) : undefined) links.add(link);
  const thrower = mayThrowCall(facts, [...between, chain], (node) => links.has(node));
  if (thrower) return { messageId: 'clearedUnlessThrows', data: { call: facts.code(thrower.callee, 40) } };
  return 'every run';
}

// The statement that evaluates `expression` whenever it runs (`return <e>`, `<e>;`, `const x = <e>`,
// through awaits, parentheses and further links of a chain), or undefined when it sits in a branch.
function statementEvaluating(facts: Facts, expression: any): any | undefined {
  const { tree } = facts;
  let current = expression;
  for (;;) {
    const parent = tree.parent(current);
    if (!parent) return undefined;
    if (['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression'].includes(parent.type)) {
      current = parent;
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === current && tree.parent(parent)?.type === 'CallExpression' && tree.parent(parent).callee === parent) {
      current = tree.parent(parent);
      continue;
    }
    if ((parent.type === 'ReturnStatement' && parent.argument === current) || (parent.type === 'ExpressionStatement' && parent.expression === current)) return parent;
    if (parent.type === 'VariableDeclarator' && parent.init === current) return tree.parent(parent);
    return undefined;
  }
}

// whether `statement` can give the event loop a turn: an await, a yield or a `for await`, outside nested functions
function yieldsIn(_facts: Facts, statement: any): boolean {
  let yields = false;
  walkOwn(statement, (node) => {
    // `await using` waits for its async disposal when its block ends
    if (node.type === 'AwaitExpression' || node.type === 'YieldExpression' || (node.type === 'ForOfStatement' && node.await) || (node.type === 'VariableDeclaration' && node.kind === 'await using')) yields = true;
  });
  return yields;
}

// `fetch(...).then(...).then(...)`: the outermost call of the chain that starts at the request.
function chainTopOf(facts: Facts, request: any): any {
  const { tree } = facts;
  let current = request;
  for (;;) {
    const member = tree.parent(current);
    const call = member && tree.parent(member);
    if (member?.type === 'MemberExpression' && member.object === current && propertyName(member) === 'then' && call?.type === 'CallExpression') current = call;
    else return current;
  }
}

// `await fetch(...)` or `await fetch(...).then(...)`: the AwaitExpression, or undefined.
function awaitedChainOf(facts: Facts, request: any): any | undefined {
  const { tree } = facts;
  let current = request;
  for (;;) {
    const parent = tree.parent(current);
    if (parent?.type === 'MemberExpression' && parent.object === current && ['then', 'catch'].includes(propertyName(parent) ?? '') && tree.parent(parent)?.type === 'CallExpression') {
      current = tree.parent(parent);
      continue;
    }
    if (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(parent?.type)) {
      current = parent;
      continue;
    }
    break;
  }
  const holder = tree.parent(current);
  return holder?.type === 'AwaitExpression' ? holder : undefined;
}

// What the awaited request gives back must not leave the block with its body unread: a `const res`
// read for its status fields or its body (awaited), a status field, an awaited body reader, or a
// chain whose handlers only read the body (`.then((r) => r.json())`).
function responseEscape(facts: Facts, awaitNode: any, inGuarded: (node: any) => boolean, fn: any): { node: any; name: string } | undefined {
  const { tree, scopes } = facts;
  const awaited = unwrap(awaitNode.argument);
  const isBare = awaited.type === 'CallExpression' && !['then', 'catch'].includes(propertyName(unwrap(awaited.callee)) ?? '');
  if (!isBare) return chainReadsBody(awaited) ? undefined : { node: awaited, name: 'response' };
  let inner = awaitNode;
  let holder = tree.parent(awaitNode);
  while (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(holder?.type)) {
    inner = holder;
    holder = tree.parent(holder);
  }
  if (holder?.type === 'ExpressionStatement') return undefined;
  if (holder?.type === 'MemberExpression' && holder.object === inner) return isResponseRead(facts, holder) ? undefined : { node: holder, name: 'response' };
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && tree.parent(holder).kind === 'const') {
    const binding = scopes.bindingOf(holder.id);
    for (const reference of binding?.references ?? []) {
      if (!inGuarded(reference.node)) continue;
      const member = tree.parent(reference.node);
      // a body read in a closure (`const read = async () => await res.json()`) may run after the block
      const inClosure = tree.functionOf(reference.node) !== fn;
      if (member?.type === 'MemberExpression' && member.object === reference.node && isResponseRead(facts, member) && !(inClosure && !RESPONSE_FIELDS.has(propertyName(member) ?? ''))) continue;
      return { node: reference.node, name: holder.id.name };
    }
    return undefined;
  }
  return { node: awaitNode, name: 'response' };
}

// `res.status` (not `res.body`), or `await res.json()`.
function isResponseRead(facts: Facts, member: any): boolean {
  const { tree } = facts;
  const field = propertyName(member) ?? '';
  if (RESPONSE_FIELDS.has(field)) return true;
  const call = tree.parent(member);
  if (!BODY_READERS.has(field) || call?.type !== 'CallExpression' || call.callee !== member) return false;
  let current = tree.parent(call);
  while (['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(current?.type)) current = tree.parent(current);
  return current?.type === 'AwaitExpression';
}

// fetch(...).then((response) => response.json()): every handler reads the body and returns what it read.
function chainReadsBody(chain: any): boolean {
  let current = chain;
  let reads = 0;
  while (current?.type === 'CallExpression' && propertyName(current.callee) === 'then' && current.arguments.length === 1) {
    const handler = current.arguments[0];
    const object = unwrap(current.callee.object);
    const isFirst = object.type === 'CallExpression' && propertyName(unwrap(object.callee)) !== 'then';
    if (isFirst) {
      if (!isFunction(handler) || handler.params.length !== 1 || handler.params[0].type !== 'Identifier') return false;
      const body = handler.body.type === 'BlockStatement' ? undefined : unwrap(handler.body);
      if (!(body?.type === 'CallExpression' && BODY_READERS.has(propertyName(body.callee) ?? '') && unwrap(body.callee.object)?.name === handler.params[0].name)) return false;
      reads += 1;
    }
    current = object;
  }
  return reads === 1 && current?.type === 'CallExpression';
}

// `AbortSignal.timeout(delay)` in the controller's place starts the clock there: the same moment
// only when nothing between can take a turn or time (declarations of effect-free values), and the
// delay reads none of the names declared between.
function armsWhereControllerIs(facts: Facts, between: any[], delay: any): boolean {
  if (!isEffectFree(delay)) return false;
  const declared = new Set<string>();
  for (const statement of between) {
    if (statement.type !== 'VariableDeclaration' || !statement.declarations.every((declarator: any) => declarator.id.type === 'Identifier' && (!declarator.init || isEffectFree(declarator.init)))) return false;
    for (const declarator of statement.declarations) declared.add(declarator.id.name);
  }
  return ![delay, ...facts.tree.within(delay, 'Identifier')].some((node) => node?.type === 'Identifier' && declared.has(node.name));
}

// `err.name`, `err?.name`, `err.code`, `err.message`, `catch ({ name })`, `DOMException.ABORT_ERR`, 'AbortError' or 'TimeoutError' anywhere in the file.
function errorNameEvidence(facts: Facts): string | undefined {
  const { tree, scopes } = facts;
  for (const type of ['StringLiteral', 'Literal']) {
    const literal = tree.ofType(type).find((node) => typeof node.value === 'string' && /^(?:AbortError|TimeoutError)$/.test(node.value));
    if (literal) return `'${literal.value}'`;
  }
  const members = [...tree.ofType('MemberExpression'), ...tree.ofType('OptionalMemberExpression')];
  const read = members.find((member) => propertyName(member) === 'name' && unwrap(member.object)?.type === 'Identifier' && scopes.isReference(unwrap(member.object)));
  if (read) return `\`${facts.code(read)}\``;
  // `err.code === 20`, `err.message === 'This operation was aborted'`: the timeout's error differs there too
  const code = members.find((member) => ['ABORT_ERR', 'TIMEOUT_ERR'].includes(propertyName(member) ?? '') || (['code', 'message'].includes(propertyName(member) ?? '') && unwrap(member.object)?.type === 'Identifier' && scopes.isReference(unwrap(member.object))));
  if (code) return `\`${facts.code(code)}\``;
  const pattern = tree.ofType('ObjectPattern').find((node) => node.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === 'name'));
  return pattern ? `\`${facts.code(pattern, 40)}\`` : undefined;
}

// A caught error (a catch clause's, a `.catch()` or `.then(_, onRejected)` handler's) used for more
// than rethrowing it as it is or passing it on unchanged (`throw error`, `return error`,
// `reject(error)`, `{ cause: error }`): in a template literal, a concatenation, `String(error)`,
// `JSON.stringify(error)`, `new Error(error)`, console output, a property read or anything else, its
// text or shape tells an AbortError from a TimeoutError. Destructuring it counts too.
function caughtErrorUse(facts: Facts): string | undefined {
  const { tree, scopes } = facts;
  const params: any[] = tree.ofType('CatchClause').flatMap((clause: any) => (clause.param ? [clause.param] : []));
  for (const call of [...tree.ofType('CallExpression'), ...tree.ofType('OptionalCallExpression')]) {
    const method = propertyName(unwrap(call.callee));
    const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
    if (isFunction(handler) && handler.params.length > 0) params.push(handler.params[0]);
  }
  for (const param of params.sort((a, b) => a.start - b.start)) {
    if (param.type !== 'Identifier') return `\`${facts.code(param, 40)}\``;
    const binding = scopes.bindingOf(param);
    for (const reference of binding?.references ?? []) {
      const use = usedBeyondPassingOn(facts, reference.node);
      if (use) return use;
    }
  }
  return undefined;
}

function usedBeyondPassingOn(facts: Facts, reference: any): string | undefined {
  const { tree } = facts;
  let node = reference;
  let parent = tree.parent(node);
  while (['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression'].includes(parent?.type)) {
    node = parent;
    parent = tree.parent(node);
  }
  const name = reference.name;
  if (parent?.type === 'TemplateLiteral') return `\`\${${name}}\``;
  if (parent?.type === 'ThrowStatement' || (parent?.type === 'ReturnStatement' && parent.argument === node)) return undefined;
  if (isFunction(parent) && parent.body === node) return undefined;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === node && !parent.computed && tree.parent(parent)?.type === 'ObjectExpression') return undefined;
  if (parent?.type === 'ArrayExpression') return undefined;
  const isCall = parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression' || parent?.type === 'NewExpression';
  if (isCall && parent.arguments.includes(node) && !stringifies(facts, parent)) return undefined;
  return `\`${facts.code(parent ?? node, 40)}\``;
}

// a call that turns its arguments into text: `String(x)`, `JSON.stringify(x)`, `new Error(x)`,
// `console.log(x)`, `util.inspect(x)`, `util.format(x)`, `x.toString()`
function stringifies(facts: Facts, call: any): boolean {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return ['String', 'inspect', 'format'].includes(callee.name) || /Error$/.test(callee.name);
  const method = propertyName(callee);
  const object = method !== undefined ? unwrap(callee.object) : undefined;
  if (object?.type === 'Identifier' && object.name === 'console' && facts.resolver.isFreeAt(object, 'console')) return true;
  if (object?.type === 'Identifier' && object.name === 'JSON' && method === 'stringify') return true;
  return method === 'inspect' || method === 'format';
}
