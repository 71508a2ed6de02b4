// On which outcomes of a promise a piece of code is sure to run, once the promise has settled.
//
// A cleanup (a clearTimeout, a removeListener, an iterator's return()) counts for an outcome only if
// it runs on every path that follows that outcome:
//   - in a handler on the promise's chain: `.finally(f)` for both, `.then(a, b)`'s `a` for fulfilment
//     and `b` for rejection, `.catch(b)` for rejection, each handler's outcome mapped through the
//     handlers before it (`.catch(() => null)` turns a rejection into a fulfilment,
//     `.catch((e) => Promise.reject(e))` does not);
//   - after `await <chain>`: the statements that follow run on fulfilment only, unless a `try`
//     catches the rejection and goes on, or a `finally` holds the cleanup;
//   - nowhere else: code after a promise that is returned, stored or passed on runs on no path we
//     can see (a caller may clear it, but not this function).
// A statement between the await and the cleanup that may leave early (return, throw, break, continue,
// another await) breaks "every path". Plain calls are taken to complete normally.
import { type Tree, isFunction, isLoop, unwrap, walkNodes } from '../analysis/tree';
import { propertyName } from '../analysis/resolve';
import { isLiteral } from './effects';
import type { Facts } from './facts';

export type Outcome = 'fulfilled' | 'rejected';
export const OUTCOMES: readonly Outcome[] = ['fulfilled', 'rejected'];

export type Coverage = ReadonlySet<Outcome>;
const NONE: Coverage = new Set();
const BOTH: Coverage = new Set(OUTCOMES);

/** what a handler of a chain does with the outcome that reached it */
function handlerOutcomes(tree: Tree, handler: any): Set<Outcome> {
  if (!isFunction(handler)) {
    // not a function: `.then(x)` ignores it and passes the outcome on; the caller deals with that case
    return new Set(OUTCOMES);
  }
  return new Set(mayReject(tree, handler) ? OUTCOMES : ['fulfilled']);
}

// Whether a handler may make the chain reject: it throws, returns Promise.reject(), awaits, or
// returns what an unknown call gives back (which may be a rejected promise).
export function mayReject(tree: Tree, fn: any): boolean {
  if (!isFunction(fn)) return true;
  const body = fn.body;
  if (body.type !== 'BlockStatement') return !isSettledValue(body);
  let rejects = false;
  walkOwn(body, (node) => {
    if (node.type === 'ThrowStatement' || node.type === 'AwaitExpression' || node.type === 'YieldExpression') rejects = true;
    if (node.type === 'ReturnStatement' && node.argument && !isSettledValue(node.argument)) rejects = true;
  });
  return rejects;
}

// A value a handler can return without rejecting: a literal, a name, a member read, an object or
// array of those, `new Error(...)` — never a call, which may return a rejected promise.
function isSettledValue(node: any): boolean {
  const expression = unwrap(node);
  if (isLiteral(expression)) return true;
  switch (expression?.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'TemplateLiteral':
    case 'MemberExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return expression.type !== 'TemplateLiteral' || expression.expressions.every(isSettledValue);
    case 'ObjectExpression':
      return expression.properties.every((property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && isSettledValue(property.value));
    case 'ArrayExpression':
      return expression.elements.every((element: any) => element === null || isSettledValue(element));
    case 'UnaryExpression':
      return isSettledValue(expression.argument);
    case 'NewExpression':
      return expression.arguments.every(isSettledValue);
    case 'AssignmentExpression':
      return isSettledValue(expression.right);
    case 'SequenceExpression':
      return isSettledValue(expression.expressions.at(-1));
    case 'CallExpression':
      // `console.warn(e)` returns undefined
      return expression.callee.type === 'MemberExpression' && unwrap(expression.callee.object)?.type === 'Identifier' && unwrap(expression.callee.object).name === 'console';
    default:
      return false;
  }
}

/** every node of a function's own body (not those of functions nested in it) */
export function walkOwn(root: any, visit: (node: any) => void): void {
  walkNodes(root, (node) => {
    visit(node);
    return node === root || !isFunction(node);
  });
}

// `.then`/`.catch`/`.finally` called on `node`: the call and the method, or undefined.
export function chainedCall(tree: Tree, node: any): { call: any; method: 'then' | 'catch' | 'finally' } | undefined {
  const outer = outermostWrapper(tree, node);
  const member = tree.parent(outer);
  if ((member?.type !== 'MemberExpression' && member?.type !== 'OptionalMemberExpression') || member.object !== outer) return undefined;
  const method = propertyName(member);
  if (method !== 'then' && method !== 'catch' && method !== 'finally') return undefined;
  const call = tree.parent(member);
  if ((call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || call.callee !== member) return undefined;
  return { call, method };
}

function outermostWrapper(tree: Tree, node: any): any {
  let current = node;
  for (;;) {
    const parent = tree.parent(current);
    if (parent && (parent.type === 'ParenthesizedExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSTypeAssertion') && parent.expression === current) current = parent;
    else return current;
  }
}

/** the outermost call of the `.then/.catch/.finally` chain that starts at `node` */
export function chainTop(tree: Tree, node: any): any {
  let current = node;
  for (let link = chainedCall(tree, current); link; link = chainedCall(tree, current)) current = link.call;
  return outermostWrapper(tree, current);
}

// Whether `target` runs on every path through `fn`'s body, from its start: it is the expression
// body, or sits in a statement of the body's top level (or a plain nested block) with nothing that
// may leave early before it.
export function runsOnEveryPathOf(tree: Tree, fn: any, target: any): boolean {
  if (!isFunction(fn) || !tree.isInside(target, fn.body)) return false;
  if (fn.body.type !== 'BlockStatement') return isUnconditionalIn(tree, target, fn.body);
  return reachesInList(tree, fn.body.body, 0, target) === 'yes';
}

type Reach = 'yes' | 'no' | 'absent';

// Does executing `list` from `from` surely reach `target`? 'absent' when target is not in the list.
function reachesInList(tree: Tree, list: any[], from: number, target: any): Reach {
  for (let index = from; index < list.length; index += 1) {
    const statement = list[index];
    if (tree.isInside(target, statement)) return reachesInStatement(tree, statement, target) ? 'yes' : 'no';
    if (mayLeaveEarly(statement)) return 'no';
  }
  return 'absent';
}

// `target` inside `statement` runs whenever the statement runs.
function reachesInStatement(tree: Tree, statement: any, target: any): boolean {
  switch (statement.type) {
    case 'ExpressionStatement':
    case 'ReturnStatement':
    case 'ThrowStatement':
      return isUnconditionalIn(tree, target, statement.expression ?? statement.argument);
    case 'VariableDeclaration':
      return statement.declarations.some((declarator: any) => declarator.init && isUnconditionalIn(tree, target, declarator.init));
    case 'BlockStatement':
      return reachesInList(tree, statement.body, 0, target) === 'yes';
    case 'IfStatement':
      // `if (h) clearTimeout(h)`: the guard only skips a handle that is not set
      return isGuardedClear(statement, target) || isUnconditionalIn(tree, target, statement.test);
    case 'TryStatement':
      if (statement.finalizer && tree.isInside(target, statement.finalizer)) return reachesInList(tree, statement.finalizer.body, 0, target) === 'yes';
      return tree.isInside(target, statement.block) && reachesInList(tree, statement.block.body, 0, target) === 'yes';
    default:
      return false;
  }
}

// `if (h) clearTimeout(h)`, `if (h !== undefined) { clearTimeout(h); }`, `if (h != null) ...`:
// the branch skips nothing that needs cleaning.
export function isGuardedClear(ifStatement: any, target: any): boolean {
  if (ifStatement.alternate) return false;
  const guarded = guardedName(ifStatement.test);
  if (guarded === undefined) return false;
  const consequent = ifStatement.consequent.type === 'BlockStatement' ? ifStatement.consequent.body[0] : ifStatement.consequent;
  const expression = consequent?.type === 'ExpressionStatement' ? unwrap(consequent.expression) : undefined;
  if (expression?.type !== 'CallExpression' || expression !== target) return false;
  const argument = unwrap(expression.arguments[0]);
  return argument?.type === 'Identifier' && argument.name === guarded;
}

function guardedName(test: any): string | undefined {
  const expression = unwrap(test);
  if (expression?.type === 'Identifier') return expression.name;
  if (expression?.type === 'BinaryExpression' && ['!==', '!='].includes(expression.operator)) {
    const [name, other] = unwrap(expression.left)?.type === 'Identifier' ? [unwrap(expression.left), unwrap(expression.right)] : [unwrap(expression.right), unwrap(expression.left)];
    const isNullish = other?.type === 'NullLiteral' || (other?.type === 'Literal' && other.value === null) || (other?.type === 'Identifier' && other.name === 'undefined');
    if (name?.type === 'Identifier' && isNullish) return name.name;
  }
  return undefined;
}

// `target` is evaluated whenever `expression` is: not behind `&&`, `?:`, `?.` or inside a function.
// `h && clearTimeout(h)` counts, as the guarded clear it is.
function isUnconditionalIn(tree: Tree, target: any, expression: any): boolean {
  if (!expression || !tree.isInside(target, expression)) return false;
  for (let current = target; current !== expression; current = tree.parent(current)) {
    const parent = tree.parent(current);
    if (!parent) return false;
    if (isFunction(parent)) return false;
    if (parent.type === 'ConditionalExpression' && parent.test !== current) return false;
    if (parent.type === 'LogicalExpression' && parent.right === current) {
      const left = unwrap(parent.left);
      const argument = unwrap(unwrap(current)?.arguments?.[0]);
      if (!(parent.operator === '&&' && left?.type === 'Identifier' && argument?.type === 'Identifier' && argument.name === left.name)) return false;
    }
    if ((parent.type === 'OptionalCallExpression' || parent.type === 'OptionalMemberExpression') && parent.optional && parent.object !== current && parent.callee !== current) return false;
  }
  return true;
}

/** a loop around `node`, within its function, that does not hold `held` (a declaration): each run
 * of that loop reaches `node` again with the same `held` */
export function inLoopOutside(tree: Tree, node: any, held: any): boolean {
  for (const ancestor of tree.ancestors(node)) {
    if (isFunction(ancestor)) return false;
    if (isLoop(ancestor) && !tree.isInside(held, ancestor)) return true;
  }
  return false;
}

/** a statement that may end the run of its list before the next statement */
export function mayLeaveEarly(statement: any): boolean {
  let leaves = false;
  walkOwn(statement, (node) => {
    if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement' || node.type === 'BreakStatement' || node.type === 'ContinueStatement' || node.type === 'AwaitExpression' || node.type === 'YieldExpression') leaves = true;
  });
  return leaves;
}

// After `awaitNode` completes with `outcome`, does control surely reach `target` (in the same function)?
export function reachesAfterAwait(tree: Tree, awaitNode: any, outcome: Outcome, target: any): boolean {
  const fn = tree.functionOf(awaitNode);
  if (tree.functionOf(target) !== fn) return false;
  // a finally around the await that holds the target runs whatever happens
  for (const ancestor of tree.ancestors(awaitNode)) {
    if (ancestor === fn) break;
    if (ancestor.type === 'TryStatement' && ancestor.finalizer && !tree.isInside(awaitNode, ancestor.finalizer) && tree.isInside(target, ancestor.finalizer)) {
      if (reachesInList(tree, ancestor.finalizer.body, 0, target) === 'yes') return true;
    }
  }
  const statement = tree.statementOf(awaitNode);
  if (!statement) return false;
  if (outcome === 'fulfilled') {
    if (!awaitCompletesStatement(tree, awaitNode, statement)) return false;
    return continueAfter(tree, statement, target, fn);
  }
  return continueAfterThrow(tree, statement, target, fn);
}

// The await is the statement's whole effect (`await x;`, `const v = await x;`, `v = await x;`): once
// it completes, the statement does.
function awaitCompletesStatement(tree: Tree, awaitNode: any, statement: any): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return false;
  if (statement.type !== 'ExpressionStatement' && statement.type !== 'VariableDeclaration') return false;
  for (let current = awaitNode; current !== statement; current = tree.parent(current)) {
    const parent = tree.parent(current);
    if (!parent || isFunction(parent)) return false;
    if (parent.type === 'ConditionalExpression' || parent.type === 'LogicalExpression' || parent.type === 'IfStatement') return false;
  }
  return true;
}

// Control has just left `statement` normally: does it surely reach `target`?
function continueAfter(tree: Tree, statement: any, target: any, fn: any): boolean {
  let current = statement;
  for (;;) {
    const place = tree.listOf(current);
    if (place) {
      const reach = reachesInList(tree, place.list, place.index + 1, target);
      if (reach !== 'absent') return reach === 'yes';
      const holder = place.holder;
      if (holder === fn.body || holder.type === 'Program' || holder.type === 'SwitchCase' || holder.type === 'StaticBlock') return false;
      current = holder;
      continue;
    }
    const parent = tree.parent(current);
    if (!parent || parent === fn) return false;
    if (parent.type === 'TryStatement') {
      // leaving the try block or the handler normally runs the finalizer, then what follows the try
      if (current === parent.finalizer) {
        current = parent;
        continue;
      }
      if (parent.finalizer) {
        const reach = reachesInList(tree, parent.finalizer.body, 0, target);
        if (reach !== 'absent') return reach === 'yes';
      }
      current = parent;
      continue;
    }
    if (parent.type === 'CatchClause') {
      current = parent;
      continue;
    }
    if (parent.type === 'IfStatement' || parent.type === 'LabeledStatement') {
      current = parent;
      continue;
    }
    // a loop body: the loop may run it again, or leave; what follows is not sure to run from here
    return false;
  }
}

// The statement holding the await has thrown: does control surely reach `target`?
function continueAfterThrow(tree: Tree, statement: any, target: any, fn: any): boolean {
  let current = statement;
  for (const ancestor of tree.ancestors(statement)) {
    if (ancestor === fn) return false;
    if (ancestor.type === 'TryStatement') {
      const inBlock = tree.isInside(current, ancestor.block);
      if (inBlock && ancestor.handler) {
        const handlerBody = ancestor.handler.body;
        const reach = reachesInList(tree, handlerBody.body, 0, target);
        if (reach !== 'absent') return reach === 'yes';
        // the handler completes normally when nothing in it leaves early
        if (handlerBody.body.some(mayLeaveEarly)) return false;
        return continueAfter(tree, handlerBody, target, fn) || continueAfter(tree, ancestor, target, fn);
      }
      if (ancestor.finalizer && !tree.isInside(current, ancestor.finalizer)) {
        const reach = reachesInList(tree, ancestor.finalizer.body, 0, target);
        if (reach !== 'absent') return reach === 'yes';
      }
    }
    current = ancestor;
  }
  return false;
}

// The outcomes of `promise` on which `target` surely runs after it settles. `follow` continues from a
// chain stored in a variable: given the chain's top, the one place that variable is read, if any.
//
// `returnsNormally` names handlers that are no function literal but surely return without throwing
// (an executor's own `resolve` and `reject`): the chain fulfils after them.
export function coverageOf(tree: Tree, promise: any, target: any, follow?: (top: any) => any | undefined, depth = 0, returnsNormally?: (handler: any) => boolean): Coverage {
  // each outcome of `promise`, and what the chain has made of it so far
  const mapped = new Map<Outcome, Set<Outcome>>(OUTCOMES.map((outcome) => [outcome, new Set([outcome])]));
  let current = promise;
  for (let link = chainedCall(tree, current); link; link = chainedCall(tree, current)) {
    const { call, method } = link;
    const [first, second] = call.arguments;
    const onFulfilled = method === 'then' ? first : undefined;
    const onRejected = method === 'then' ? second : method === 'catch' ? first : undefined;
    const onSettled = method === 'finally' ? first : undefined;
    if (onSettled && tree.isInside(target, onSettled)) {
      return runsOnEveryPathOf(tree, onSettled, target) ? BOTH : NONE;
    }
    for (const [handler, runsOn] of [
      [onFulfilled, 'fulfilled'],
      [onRejected, 'rejected'],
    ] as const) {
      if (handler && tree.isInside(target, handler)) {
        if (!runsOnEveryPathOf(tree, handler, target)) return NONE;
        return new Set(OUTCOMES.filter((outcome) => [...mapped.get(outcome)!].every((reached) => reached === runsOn)));
      }
    }
    for (const outcome of OUTCOMES) {
      const next = new Set<Outcome>();
      for (const reached of mapped.get(outcome)!) {
        const handler = reached === 'fulfilled' ? onFulfilled : onRejected;
        if (method === 'finally') {
          next.add(reached);
          if (onSettled && isFunction(onSettled) && mayReject(tree, onSettled)) next.add('rejected');
        } else if (handler && isFunction(handler)) {
          for (const result of handlerOutcomes(tree, handler)) next.add(result);
        } else if (handler && returnsNormally?.(handler)) {
          next.add('fulfilled');
        } else if (handler) {
          // a handler that is not a function literal: whatever it does is unknown
          next.add('fulfilled');
          next.add('rejected');
        } else {
          next.add(reached);
        }
      }
      mapped.set(outcome, next);
    }
    current = call;
  }
  const top = outermostWrapper(tree, current);
  const holder = tree.parent(top);
  if (holder?.type === 'AwaitExpression' && holder.argument === top) {
    return new Set(OUTCOMES.filter((outcome) => [...mapped.get(outcome)!].every((reached) => reachesAfterAwait(tree, holder, reached, target))));
  }
  const next = depth < 3 ? follow?.(top) : undefined;
  if (next === undefined) return NONE;
  const after = coverageOf(tree, next, target, follow, depth + 1, returnsNormally);
  return new Set(OUTCOMES.filter((outcome) => [...mapped.get(outcome)!].every((reached) => after.has(reached))));
}

/** `target` runs synchronously after the code at `node`, in the same function, before any await */
export function runsBeforeSettling(tree: Tree, node: any, target: any): boolean {
  const fn = tree.functionOf(node);
  if (tree.functionOf(target) !== fn) return false;
  if (typeof target.start !== 'number' || typeof node.end !== 'number' || target.start < node.end) return false;
  const statement = tree.statementOf(node);
  const place = statement && tree.listOf(statement);
  if (!place) return false;
  for (let index = place.index; index < place.list.length; index += 1) {
    const candidate = place.list[index];
    if (tree.isInside(target, candidate)) return true;
    let awaits = false;
    walkOwn(candidate, (inner) => {
      if (inner.type === 'AwaitExpression' || inner.type === 'YieldExpression') awaits = true;
    });
    if (awaits) return false;
  }
  return false;
}

const TYPE_DECLARATIONS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration']);

// Names declared by the region's own statements (`const`, `let`, `class`, a type) that are read outside it.
export function readFromOutside(facts: Facts, region: any[]): { node: any; name: string } | undefined {
  const { tree, scopes } = facts;
  for (const statement of region) {
    const ids: any[] = [];
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of statement.declarations) ids.push(...tree.within(declarator.id, 'Identifier').filter((id) => scopes.bindingOf(id)?.id === id));
    } else if (statement.type === 'ClassDeclaration' && statement.id) {
      ids.push(statement.id);
    } else if (TYPE_DECLARATIONS.has(statement.type) && statement.id?.type === 'Identifier') {
      // a type is seen by the whole block, above its declaration too (`let last: Reply` before
      // `interface Reply`): any use of its name in the block outside the region
      const name = statement.id.name;
      const block = tree.parent(statement);
      const outside = block && tree.within(block, 'Identifier').find((id) => id.name === name && id !== statement.id && !region.some((candidate) => tree.isInside(id, candidate)));
      if (outside) return { node: outside, name };
    }
    for (const id of ids) {
      const binding = scopes.bindingOf(id);
      const outside = binding?.references.find((reference) => !region.some((candidate) => tree.isInside(reference.node, candidate)));
      if (outside) return { node: outside.node, name: id.name };
    }
  }
  return undefined;
}
