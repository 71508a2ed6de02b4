// What code does when it runs, as far as a fix must know: nothing (a value that costs nothing to skip).
// An expression whose evaluation has no effect beyond building a value: literals, names, member
// reads, `new Error(...)` of such values. Skipping it (the timer is cleared) changes nothing.
export function isEffectFree(node: any): boolean {
  switch (node?.type) {
    case 'Identifier':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'Literal':
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

