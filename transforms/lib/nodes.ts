import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { findEnclosingFunction, isFunctionNode } from './statements';

// Small AST predicates shared by the transforms.

export function isIdentifier(node: any, name?: string): boolean {
  return node?.type === 'Identifier' && (name === undefined || node.name === name);
}

export function isStringLiteral(node: any): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && typeof node.value === 'string';
}

export function propertyName(member: any): string | undefined {
  if (member?.type !== 'MemberExpression' && member?.type !== 'OptionalMemberExpression') return undefined;
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && isStringLiteral(member.property)) return member.property.value;
  return undefined;
}

// `x.name(...)`: the call's method name, or undefined.
export function methodName(call: any): string | undefined {
  if (call?.type !== 'CallExpression') return undefined;
  return propertyName(call.callee);
}

export function unwrapExpression(node: any): any {
  let current = node;
  while (
    current &&
    (current.type === 'TSAsExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'ParenthesizedExpression' ||
      current.type === 'TypeCastExpression')
  ) {
    current = current.expression;
  }
  return current;
}

export function isInside(path: ASTPath<any>, ancestor: any): boolean {
  for (let current: ASTPath<any> | null = path; current; current = current.parent) {
    if (current.node === ancestor) return true;
  }
  return false;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

// A loop statement between `path` and `stop` (exclusive): the code at `path` may run more than once per run of `stop`.
export function isInLoopBelow(path: ASTPath<any>, stop: any): boolean {
  for (let current: ASTPath<any> | null = path.parent; current && current.node !== stop; current = current.parent) {
    if (LOOPS.has(current.node.type)) return true;
  }
  return false;
}

// An identifier that reads or writes a binding (not a property name, key or type name).
export function isReference(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === path.node && !parent.computed && !parent.shorthand) return false;
  if ((parent.type === 'ClassProperty' || parent.type === 'ClassMethod' || parent.type === 'MethodDefinition' || parent.type === 'ObjectMethod') && parent.key === path.node) return false;
  if (parent.type === 'VariableDeclarator' && parent.id === path.node) return false;
  if (parent.type.startsWith('TS') && parent.type !== 'TSAsExpression' && parent.type !== 'TSNonNullExpression' && parent.type !== 'TSSatisfiesExpression') return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  if (parent.type === 'ImportSpecifier' || parent.type === 'ExportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return false;
  return true;
}

// Every reference to the binding that `name` has at `bindingPath` (the declaration's id or a
// parameter), searched inside `within`; the declaring identifier itself is not included.
export function referencesOf(j: JSCodeshift, within: ASTPath<any>, bindingPath: ASTPath<any>, name: string): ASTPath<any>[] {
  const bindingScope = bindingPath.scope?.lookup(name);
  return j(within)
    .find(j.Identifier, { name })
    .filter((path) => path.node !== bindingPath.node && isReference(path) && path.scope?.lookup(name) === bindingScope)
    .paths();
}

// `x = ...`, `x++`, `[x] = ...`: the binding is written after its declaration.
export function isWrite(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  if (parent?.type === 'AssignmentExpression' && parent.left === path.node) return true;
  if (parent?.type === 'UpdateExpression') return true;
  let current: ASTPath<any> | null = path.parent;
  while (current && (current.node.type === 'ArrayPattern' || current.node.type === 'ObjectPattern' || current.node.type === 'Property' || current.node.type === 'ObjectProperty' || current.node.type === 'RestElement')) {
    current = current.parent;
  }
  return current !== path.parent && (current?.node.type === 'AssignmentExpression' || current?.node.type === 'ForOfStatement' || current?.node.type === 'ForInStatement');
}

// `(async () => { ... })()`, `void (async () => {...})()`: a function literal called once, right where it is written.
export function isImmediatelyCalled(fnPath: ASTPath<any>): ASTPath<any> | undefined {
  let current: ASTPath<any> = fnPath;
  while (current.parent?.node.type === 'ParenthesizedExpression') current = current.parent;
  const call = current.parent;
  if (call?.node.type === 'CallExpression' && call.node.callee === current.node) return call;
  return undefined;
}

// An expression whose value nobody reads: `expr;` or `void expr;`.
export function isValueDiscarded(path: ASTPath<any>): boolean {
  let current: ASTPath<any> = path;
  while (current.parent?.node.type === 'ParenthesizedExpression') current = current.parent;
  const parent = current.parent?.node;
  if (parent?.type === 'ExpressionStatement') return true;
  if (parent?.type === 'UnaryExpression' && parent.operator === 'void') return isValueDiscarded(current.parent);
  return false;
}

// An arrow or a function expression (not a declaration or a method).
export function isFunctionLiteral(node: any): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

export { findEnclosingFunction, isFunctionNode };
