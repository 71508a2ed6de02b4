import { hasWrites, propertyName, requiredModule } from '../analysis/resolve';
import { unwrap } from '../analysis/tree';
import type { Facts } from './facts';

// What code does when it runs, as far as a fix must know: nothing (a value that costs nothing to skip).
// An expression whose evaluation has no effect beyond building a value: literals, names, member
// reads, `new Error(...)` of such values. Skipping it (the timer is cleared) changes nothing.
export function isEffectFree(node: any): boolean {
  return effectFree(node, undefined);
}

/** a call the caller takes for one that runs no code of consequence, its parts judged by `judge` (this same test) */
export type QuietCall = (call: any, judge: (node: any) => boolean) => boolean;

/** isEffectFree, where a call `quiet` accepts counts as well (a string method that only reads, `Date.now()`) */
export function isEffectFreeBut(node: any, quiet: QuietCall): boolean {
  return effectFree(node, quiet);
}

function effectFree(node: any, quiet: QuietCall | undefined): boolean {
  const judge = (inner: any): boolean => effectFree(inner, quiet);
  if (isLiteral(node)) return true;
  switch (node?.type) {
    case 'Identifier':
    case 'ThisExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(judge);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return judge(node.object) && (!node.computed || judge(node.property));
    case 'UnaryExpression':
      return node.operator !== 'delete' && judge(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return judge(node.left) && judge(node.right);
    case 'ConditionalExpression':
      return judge(node.test) && judge(node.consequent) && judge(node.alternate);
    case 'ObjectExpression':
      return node.properties.every((property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && judge(property.value));
    case 'ArrayExpression':
      return node.elements.every((element: any) => element !== null && judge(element));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return judge(node.expression);
    case 'NewExpression':
      return node.callee.type === 'Identifier' && node.arguments.every(judge);
    case 'CallExpression':
      return quiet !== undefined && quiet(node, judge);
    default:
      return false;
  }
}


/** a literal of the language: a string, number, boolean, null, bigint (`Literal` as the babel parser gives them) */
export function isLiteral(node: any): boolean {
  const type = node?.type;
  return type === 'StringLiteral' || type === 'NumericLiteral' || type === 'BooleanLiteral' || type === 'NullLiteral' || type === 'BigIntLiteral' || type === 'Literal';
}

// `Boom.internal(`${name} timed out`)` of @hapi/boom: a call that only builds an error object, of a
// package known to do nothing else, given one string. Skipping it changes nothing, as skipping
// `new Error(…)` does. Not with more: the server-error factories boomify an Error handed as `data`
// (they change its message and add `isBoom`), and an Error as the message is boomified too. Not
// when the file writes to a property of `Boom` (a factory replaced).
const ERROR_FACTORY_PACKAGES = new Set(['@hapi/boom', 'boom']);
const BOOM_FACTORIES = new Set([
  'badRequest', 'unauthorized', 'paymentRequired', 'forbidden', 'notFound', 'methodNotAllowed', 'notAcceptable', 'proxyAuthRequired', 'clientTimeout',
  'conflict', 'resourceGone', 'lengthRequired', 'preconditionFailed', 'entityTooLarge', 'uriTooLong', 'unsupportedMediaType', 'rangeNotSatisfiable',
  'expectationFailed', 'teapot', 'badData', 'locked', 'failedDependency', 'tooEarly', 'preconditionRequired', 'tooManyRequests', 'illegal',
  'internal', 'notImplemented', 'badGateway', 'serverUnavailable', 'gatewayTimeout', 'badImplementation',
]);

export function isErrorFactoryCall(facts: Facts, node: any): boolean {
  const call = unwrap(node);
  const message = unwrap(call?.arguments?.[0]);
  const isString = message?.type === 'StringLiteral' || (message?.type === 'Literal' && typeof message.value === 'string') || (message?.type === 'TemplateLiteral' && message.expressions.every(isEffectFree));
  if (call?.type !== 'CallExpression' || call.arguments.length !== 1 || !isString) return false;
  const member = unwrap(call.callee);
  if (member?.type !== 'MemberExpression' || member.computed || member.property.type !== 'Identifier' || !BOOM_FACTORIES.has(member.property.name)) return false;
  const object = unwrap(member.object);
  if (object?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(object);
  if (!binding || hasWrites(binding) || binding.references.some((reference) => writesMember(facts, reference.node))) return false;
  if (binding.kind === 'import') return binding.imported !== undefined && (binding.imported.imported === 'default' || binding.imported.imported === '*') && ERROR_FACTORY_PACKAGES.has(binding.imported.source);
  if (binding.kind !== 'const' || binding.declaration?.type !== 'VariableDeclarator' || binding.declaration.id !== binding.id) return false;
  const source = requiredModule(facts.scopes, binding.declaration.init);
  return source !== undefined && ERROR_FACTORY_PACKAGES.has(source);
}

/** a value a settle call is given that costs nothing to skip: effect-free, or an error a known factory builds */
export function isFreeSettleValue(facts: Facts, node: any): boolean {
  return isEffectFree(node) || isErrorFactoryCall(facts, node);
}

// `Boom.internal = …`, `Boom.internal ??= …`, `delete Boom.internal`, `Boom.x++`: a write to a property of the name
function writesMember(facts: Facts, reference: any): boolean {
  const member = facts.tree.parent(reference);
  if (member?.type !== 'MemberExpression' || member.object !== reference) return false;
  const holder = facts.tree.parent(member);
  if (holder?.type === 'AssignmentExpression' && holder.left === member) return true;
  if (holder?.type === 'UpdateExpression') return true;
  return holder?.type === 'UnaryExpression' && holder.operator === 'delete';
}

// Which calls may throw synchronously, as every rule takes them. Not: the platform's timers; a
// method that does not throw on what it is spelled for (a promise's `then`, an emitter's `on` and
// its removals, `get`/`set`/`has`/`delete`/`add`/`push` of a Map, a Set or an array); `Promise.*`;
// `console.*`; an async function of this file (it rejects instead); a call whose value is chained
// (`load().then(…)`, which reports its failures by rejecting); a `new` of a platform class that does
// not throw on its arguments (`new Error(…)`, `new AbortController()`, `new Map()`; `new URL(input)`
// does). An array method that runs its callback at once (`forEach`, `map`…) is quiet when the caller
// reads that callback as part of the flow (`callbacksRead`), and may throw otherwise.
export const LISTENER_ADDERS = ['once', 'addListener', 'prependListener', 'prependOnceListener', 'on', 'addEventListener'] as const;
export const LISTENER_REMOVERS = ['removeListener', 'off', 'removeEventListener', 'removeAllListeners'] as const;
// a chain's own links: what they are called on is the chain head, judged on its own
const PROMISE_METHODS = new Set<string>(['then', 'catch', 'finally']);
const QUIET_METHODS = new Set<string>([...PROMISE_METHODS, ...LISTENER_ADDERS, ...LISTENER_REMOVERS, 'set', 'get', 'has', 'delete', 'add', 'push']);
export const ITERATING_METHODS = new Set(['map', 'forEach', 'filter', 'some', 'every', 'flatMap']);
const QUIET_BUILTINS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;
const QUIET_CLASSES = new Set(['Error', 'TypeError', 'RangeError', 'AbortController', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Headers', 'Date', 'Promise', 'Array', 'Object']);

export function mayThrowSync(facts: Facts, node: any, { callbacksRead = false }: { callbacksRead?: boolean } = {}): boolean {
  const { tree, resolver } = facts;
  if (node.type === 'NewExpression') {
    const callee = unwrap(node.callee);
    return !(callee?.type === 'Identifier' && QUIET_CLASSES.has(callee.name) && facts.scopes.isGlobalReference(callee));
  }
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return false;
  if (QUIET_BUILTINS.some((name) => resolver.is(node.callee, name))) return false;
  const callee = unwrap(node.callee);
  const method = propertyName(callee);
  // on a value read plainly (`waiters.add(v)`, `this.map.get(k)`): `waiters.get(id).add(v)` throws
  // when `get` gives undefined
  if (method !== undefined && (PROMISE_METHODS.has(method) || isPlainRead(callee.object)) && (QUIET_METHODS.has(method) || (callbacksRead && ITERATING_METHODS.has(method)))) return false;
  const object = method !== undefined ? unwrap(callee.object) : undefined;
  if (object && (resolver.is(object, 'Promise') || (object.type === 'Identifier' && object.name === 'console' && resolver.isFreeAt(object, 'console')))) return false;
  if (callee?.type === 'Identifier' && resolver.localFunctionOf(callee)?.fn.async) return false;
  return !isChainHead(tree, node);
}

// `a`, `this`, `a.b.c`, `a?.b`: a value reached without calling anything
function isPlainRead(node: any): boolean {
  const value = unwrap(node);
  if (value?.type === 'Identifier' || value?.type === 'ThisExpression') return true;
  return (value?.type === 'MemberExpression' || value?.type === 'OptionalMemberExpression') && !value.computed && isPlainRead(value.object);
}

// Which calls may throw before a cleanup that follows them, where a wrong "no" would call a leak
// released: all but the platform's timers and the removal of a listener. Not mayThrowSync's
// assumptions (a chained call rejects instead, a Map's methods never throw), which hold for how code
// reports a failure, not for whether the statement after it runs.
export function mayThrowBeforeCleanup(facts: Facts, node: any): boolean {
  if (node.type === 'NewExpression') return true;
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return false;
  if (QUIET_BUILTINS.some((name) => facts.resolver.is(node.callee, name))) return false;
  const method = propertyName(unwrap(node.callee));
  return !(method !== undefined && (LISTENER_REMOVERS as readonly string[]).includes(method) && isPlainRead(unwrap(node.callee).object));
}

// `work()` in `work().then(…)`: the head of a promise chain
export function isChainHead(tree: Facts['tree'], call: any): boolean {
  let current = call;
  for (let parent = tree.parent(current); parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression'); parent = tree.parent(current)) current = parent;
  const member = tree.parent(current);
  return (member?.type === 'MemberExpression' || member?.type === 'OptionalMemberExpression') && member.object === current && ['then', 'catch', 'finally'].includes(propertyName(member) ?? '');
}
