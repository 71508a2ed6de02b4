import { hasWrites, requiredModule } from '../analysis/resolve';
import { unwrap } from '../analysis/tree';
import type { Facts } from './facts';

// What code does when it runs, as far as a fix must know: nothing (a value that costs nothing to skip).
// An expression whose evaluation has no effect beyond building a value: literals, names, member
// reads, `new Error(...)` of such values. Skipping it (the timer is cleared) changes nothing.
export function isEffectFree(node: any): boolean {
  if (isLiteral(node)) return true;
  switch (node?.type) {
    case 'Identifier':
    case 'ThisExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isEffectFree);
    case 'MemberExpression':
      return isEffectFree(node.object) && (!node.computed || isEffectFree(node.property));
    case 'UnaryExpression':
      return node.operator !== 'delete' && isEffectFree(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isEffectFree(node.left) && isEffectFree(node.right);
    case 'ConditionalExpression':
      return isEffectFree(node.test) && isEffectFree(node.consequent) && isEffectFree(node.alternate);
    case 'ObjectExpression':
      return node.properties.every((property: any) => (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && isEffectFree(property.value));
    case 'ArrayExpression':
      return node.elements.every((element: any) => element !== null && isEffectFree(element));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return isEffectFree(node.expression);
    case 'NewExpression':
      return node.callee.type === 'Identifier' && node.arguments.every(isEffectFree);
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
