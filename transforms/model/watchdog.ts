// `const t = setTimeout(report, ms); await work(); clearTimeout(t);`: a watchdog timer, which bounds
// or reports slow work, cleared by a statement after the awaited work. When that work rejects, the
// clear is skipped and the timer stays armed until it fires. The site: the timer, its statement list,
// the clear after the work, and the awaits before it that no try around them catches.
import type { Binding } from '../analysis/scope';
import { hasWrites } from '../analysis/resolve';
import { isFunction, unwrap } from '../analysis/tree';
import { buildAbortSite } from './abort';
import { buildCallbackSite, isPromiseExecutor } from './callback';
import { isEffectFree, isLiteral } from './effects';
import type { Facts } from './facts';
import { walkOwn } from './paths';
import { type TimerFact, setTimeoutOf, timerFact } from './timer';

export interface WatchdogSite {
  kind: 'watchdog';
  /** the setTimeout call */
  node: any;
  timer: TimerFact;
  handle: Binding;
  /** `const t = setTimeout(…);` */
  statement: any;
  /** the block's statements, and where the timer's statement and the first clear after it are */
  list: any[];
  index: number;
  clearIndex: number;
  /** awaits of the statements between, outside any try of theirs, that may reject: a rejection of one skips the clear */
  uncaught: any[];
  /** 'may': one of them awaits work that may reject (a call, as every rule takes work to); 'unknown':
   * each awaits a promise made elsewhere (a parameter, an import), which may only ever fulfil */
  rejection: 'may' | 'unknown';
  /** cleared already on every exit: `try { …awaits… } finally { clearTimeout(t); }` right after the timer */
  clearedInFinally?: any;
}

export function buildWatchdogSite(facts: Facts, call: any): WatchdogSite | undefined {
  const { tree } = facts;
  if (!setTimeoutOf(facts.resolver, call)) return undefined;
  const timer = timerFact(facts, call);
  if (timer?.capture.kind !== 'declared' || timer.capture.statement.declarations.length !== 1) return undefined;
  const handle = timer.capture.binding;
  // a const, or a let never assigned again
  if (handle.kind !== 'const' && (handle.kind !== 'let' || hasWrites(handle))) return undefined;
  const statement = timer.capture.statement;
  const place = tree.listOf(statement);
  if (place?.holder.type !== 'BlockStatement') return undefined;
  const fn = tree.functionOf(statement);
  if (!isFunction(fn) || !fn.async || fn.generator || isPromiseExecutor(facts, fn)) return undefined;
  // an abort timer, or a callback the work calls too, is another rule's site
  if (buildAbortSite(facts, call) || buildCallbackSite(facts, call)) return undefined;
  // every use of the handle is a clear (or an unref) in this function's own body
  if (timer.uses.some((use) => (use.kind !== 'clear' && use.kind !== 'unref') || tree.functionOf(use.node) !== fn)) return undefined;
  const { list, index } = place;
  const clearIndex = list.findIndex((candidate: any, at: number) => at > index && candidate.type === 'ExpressionStatement' && timer.uses.some((use) => use.call !== undefined && use.call === unwrap(candidate.expression)));
  if (clearIndex === -1) {
    // `try { await work(); } finally { clearTimeout(t); … }` as the very next statement, the clear
    // first in its finally: released on every path (anything between could leave early or throw)
    const next = list[index + 1];
    const first = next?.type === 'TryStatement' ? next.finalizer?.body[0] : undefined;
    if (first?.type !== 'ExpressionStatement' || !timer.uses.some((use) => use.call !== undefined && use.call === unwrap(first.expression))) return undefined;
    return { kind: 'watchdog', node: call, timer, handle, statement, list, index, clearIndex: index + 1, uncaught: [], rejection: 'may', clearedInFinally: next };
  }
  // every clear is in the block from the timer on: none elsewhere may be the one that runs on failure
  if (timer.uses.some((use) => use.kind === 'clear' && !list.slice(index + 1).some((candidate: any) => tree.isInside(use.node, candidate)))) return undefined;
  // a clear in a finally before the one found (a fix already made there, say) may release it on
  // every path up to there: what follows is not this site's to judge
  const between = list.slice(index + 1, clearIndex);
  // (a statement of the finally itself: one under a condition may not run)
  const finallyClears = (use: any) => [...tree.ancestors(use.node)].some((ancestor: any) => ancestor.type === 'TryStatement' && between.some((candidate: any) => candidate === ancestor || tree.isInside(ancestor, candidate)) && ancestor.finalizer?.body.some((inner: any) => inner.type === 'ExpressionStatement' && unwrap(inner.expression) === use.call));
  if (timer.uses.some((use) => use.kind === 'clear' && finallyClears(use))) return undefined;
  const uncaught: any[] = [];
  let rejects = false;
  for (const candidate of between) {
    walkOwn(candidate, (node) => {
      if (node.type !== 'AwaitExpression' && !(node.type === 'ForOfStatement' && node.await)) return;
      // in a try between it and the block, a catch or finally may clear the timer: not followed
      for (let at = tree.parent(node); at && at !== candidate; at = tree.parent(at)) if (at.type === 'TryStatement') return;
      if (candidate.type === 'TryStatement') return;
      const outcome = node.type === 'AwaitExpression' ? rejectionOf(facts, node.argument) : 'may';
      if (outcome === 'never') return;
      if (outcome === 'may') rejects = true;
      uncaught.push(node);
    });
  }
  if (uncaught.length === 0) return undefined;
  return { kind: 'watchdog', node: call, timer, handle, statement, list, index, clearIndex, uncaught, rejection: rejects ? 'may' : 'unknown' };
}

// Whether awaiting `node` may reject, as far as the file shows. 'never': `new Promise((resolve) => …)`
// (no reject to call; a synchronous throw in it is taken not to happen, as a plain call is taken to
// complete), a const holding one, a function of this file that only returns one,
// `Promise.allSettled(…)`, a race or `all` of such. 'unknown': a promise made elsewhere (a parameter,
// an import). 'may': any other work, as every rule takes work to.
type Rejection = 'never' | 'unknown' | 'may';

function rejectionOf(facts: Facts, node: any, depth = 0): Rejection {
  const expression = unwrap(node);
  if (!expression || depth > 3) return 'may';
  if (expression.type === 'NewExpression' && facts.resolver.is(expression.callee, 'Promise')) {
    const executor = unwrap(expression.arguments[0]);
    return expression.arguments.length === 1 && isFunction(executor) && !executor.async && executor.params.length <= 1 && !throwsIn(executor) && !resolvesWithWork(facts, executor) ? 'never' : 'may';
  }
  if (expression.type === 'CallExpression') {
    const callee = unwrap(expression.callee);
    if (callee?.type === 'MemberExpression' && !callee.computed && facts.resolver.is(callee.object, 'Promise')) {
      const method = callee.property.name;
      if (method === 'allSettled') return 'never';
      const elements = unwrap(expression.arguments[0]);
      if ((method === 'race' || method === 'all' || method === 'any') && elements?.type === 'ArrayExpression' && elements.elements.every((element: any) => element && element.type !== 'SpreadElement')) {
        const each = elements.elements.map((element: any) => rejectionOf(facts, element, depth + 1));
        return each.includes('may') ? 'may' : each.includes('unknown') ? 'unknown' : 'never';
      }
      return 'may';
    }
    const local = facts.resolver.localFunctionOf(callee)?.fn;
    if (!isFunction(local) || local.async || local.generator) return 'may';
    const body = local.body;
    if (body.type !== 'BlockStatement') return rejectionOf(facts, body, depth + 1) === 'never' ? 'never' : 'may';
    const only = body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : undefined;
    return only && rejectionOf(facts, only, depth + 1) === 'never' ? 'never' : 'may';
  }
  if (expression.type === 'Identifier') {
    const binding = facts.scopes.bindingOf(expression);
    // a parameter, an import: made elsewhere
    if (!binding || binding.kind === 'param' || binding.kind === 'import') return 'unknown';
    const declarator = binding.declaration;
    const declared = declarator?.type === 'VariableDeclarator' && declarator.id === binding.id && declarator.init;
    // `const p = job.run()`, or a `let` never assigned again: what it was given
    if (declared && !hasWrites(binding)) return rejectionOf(facts, declarator.init, depth + 1);
    return 'may';
  }
  return 'may';
}

function throwsIn(fn: any): boolean {
  let throws = false;
  walkOwn(fn.body, (node) => {
    if (node.type === 'ThrowStatement') throws = true;
  });
  return throws;
}

// `resolve(job.run())`: resolved with what may be a promise that rejects. A `resolve` handed on as a
// function (`emitter.once('close', resolve)`) gets a value the emitter gives.
function resolvesWithWork(facts: Facts, executor: any): boolean {
  const param = executor.params[0];
  const binding = param?.type === 'Identifier' ? facts.scopes.bindingOf(param) : undefined;
  return (binding?.references ?? []).some((reference) => {
    const call = facts.tree.parent(reference.node);
    return call?.type === 'CallExpression' && call.callee === reference.node && call.arguments.some((argument: any) => !isPlainValue(argument));
  });
}

// a value that is no promise: a literal, `undefined`, an object or array literal of such
function isPlainValue(node: any): boolean {
  const value = unwrap(node);
  if (isLiteral(value)) return true;
  switch (value?.type) {
    case 'TemplateLiteral':
      return value.expressions.every(isEffectFree);
    case 'Identifier':
      return value.name === 'undefined';
    case 'ObjectExpression':
      // no `then`: resolving with it cannot adopt a promise, whatever its values are
      return value.properties.every((property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && (property.key.name ?? property.key.value) !== 'then' && isEffectFree(property.value));
    case 'ArrayExpression':
      return value.elements.every((element: any) => element !== null && isEffectFree(element));
    default:
      return false;
  }
}
