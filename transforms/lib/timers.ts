import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { findImportOf, isGlobalName, isNodeTimersModule } from './bindings';
import { isIdentifier, propertyName } from './nodes';
import { isFunctionNode } from './statements';

// Timer and promise helpers shared by executor-timeout and abort-timeout: which `setTimeout` a call
// really reaches, how the file must spell `clearTimeout`, and the typed handle declaration.

// An identifier that reads or writes a binding (not a property name, a key, a type name or a label).
// Unlike isReference of ./nodes.ts, a declaration's own identifier counts: sameBindingReferences
// lists the declaration with its uses, where referencesOf leaves it out.
export function isBindingReference(path: ASTPath<any>): boolean {
  const parent = path.parent?.node;
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === path.node && !parent.computed && !parent.shorthand) return false;
  if (['ClassProperty', 'ClassMethod', 'MethodDefinition', 'ObjectMethod'].includes(parent.type) && parent.key === path.node) return false;
  if (parent.type.startsWith('TS') && !['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression'].includes(parent.type)) return false;
  if (['LabeledStatement', 'BreakStatement', 'ContinueStatement', 'ImportSpecifier', 'ExportSpecifier'].includes(parent.type)) return false;
  return true;
}

// The same binding as the one `name` has at `bindingPath`, everywhere inside `within` (a path, so
// that scopes resolve against the whole file).
export function sameBindingReferences(j: JSCodeshift, within: ASTPath<any>, bindingPath: ASTPath<any>, name: string): ASTPath<any>[] {
  const scope = bindingPath.scope?.lookup(name);
  return j(within)
    .find(j.Identifier, { name })
    .filter((path) => isBindingReference(path) && path.scope?.lookup(name) === scope)
    .paths();
}

export type TimerCallee =
  | { ok: true; clearCallee: (j: JSCodeshift) => any; timerFunction: string[] }
  | { ok: false; name: string };

// `setTimeout` (global or node:timers), `window.setTimeout` or `globalThis.setTimeout`; null for any other callee.
export function resolveSetTimeout(path: ASTPath<any>, callee: any): TimerCallee | null {
  if (callee?.type === 'Identifier') {
    const origin = findImportOf(path, callee.name);
    const fromNodeTimers = origin !== undefined && isNodeTimersModule(origin.source) && origin.imported === 'setTimeout';
    if (callee.name !== 'setTimeout' && !fromNodeTimers) return null;
    if (!fromNodeTimers && !isGlobalName(path, 'setTimeout')) return { ok: false, name: 'setTimeout' };
    const clearCallee = clearTimeoutFor(path);
    if (!clearCallee) return { ok: false, name: 'clearTimeout' };
    return { ok: true, clearCallee, timerFunction: [callee.name] };
  }
  if (callee?.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property, 'setTimeout') && callee.object.type === 'Identifier') {
    const owner = callee.object.name;
    if (owner !== 'window' && owner !== 'globalThis') return null;
    if (!isGlobalName(path, owner)) return { ok: false, name: owner };
    return { ok: true, clearCallee: (j) => j.memberExpression(j.identifier(owner), j.identifier('clearTimeout')), timerFunction: [owner, 'setTimeout'] };
  }
  return null;
}

// Node's `clearTimeout` and the global one are the same function; a shadowed global is reached through globalThis.
function clearTimeoutFor(path: ASTPath<any>): ((j: JSCodeshift) => any) | null {
  if (isGlobalName(path, 'clearTimeout')) return (j) => j.identifier('clearTimeout');
  const origin = findImportOf(path, 'clearTimeout');
  if (origin && isNodeTimersModule(origin.source) && origin.imported === 'clearTimeout') return (j) => j.identifier('clearTimeout');
  if (!isGlobalName(path, 'globalThis')) return null;
  return (j) => j.memberExpression(j.identifier('globalThis'), j.identifier('clearTimeout'));
}

// Spelled like a timer call, whatever it is bound to: the candidates a transform must either fix or report.
export function looksLikeSetTimeoutCall(node: any): boolean {
  if (node?.type !== 'CallExpression') return false;
  return isIdentifier(node.callee, 'setTimeout') || (node.callee.type === 'MemberExpression' && isIdentifier(node.callee.property, 'setTimeout'));
}

export function isClearTimeoutCallOf(node: any, name: string): boolean {
  if (node?.type !== 'CallExpression' || node.arguments.length !== 1 || !isIdentifier(node.arguments[0], name)) return false;
  const callee = node.callee;
  return isIdentifier(callee, 'clearTimeout') || (callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property, 'clearTimeout'));
}

// `setTimeout(...)` or `setTimeout(...).unref()`: the call that arms the timer, or undefined.
export function timerCallOf(expression: any): any | undefined {
  if (looksLikeSetTimeoutCall(expression)) return expression;
  if (expression?.type === 'CallExpression' && propertyName(expression.callee) === 'unref' && expression.arguments.length === 0 && looksLikeSetTimeoutCall(expression.callee.object)) {
    return expression.callee.object;
  }
  return undefined;
}

// let timerHandle: ReturnType<typeof setTimeout> | undefined;   (JS: let timerHandle;)
export function declareTimerHandle(j: JSCodeshift, isTypeScript: boolean, name: string, timerFunction: string[]): any {
  const id: any = j.identifier(name);
  if (isTypeScript) {
    const query = timerFunction.slice(1).reduce<any>((left, part) => j.tsQualifiedName(left, j.identifier(part)), j.identifier(timerFunction[0]));
    id.typeAnnotation = j.tsTypeAnnotation(
      j.tsUnionType([j.tsTypeReference(j.identifier('ReturnType'), j.tsTypeParameterInstantiation([j.tsTypeQuery(query)])), j.tsUndefinedKeyword()]),
    );
  }
  return j.variableDeclaration('let', [j.variableDeclarator(id)]);
}

// const fetchController = new AbortController();
export function declareController(j: JSCodeshift, name: string): any {
  return j.variableDeclaration('const', [j.variableDeclarator(j.identifier(name), j.newExpression(j.identifier('AbortController'), []))]);
}

// () => clearTimeout(timerHandle)
export function clearTimeoutArrow(j: JSCodeshift, clearCallee: any, handleName: string): any {
  return j.arrowFunctionExpression([], j.callExpression(clearCallee, [j.identifier(handleName)]));
}

// <expression>.finally(() => clearTimeout(timerHandle))
export function withFinally(j: JSCodeshift, expression: any, callback: any): any {
  return j.callExpression(j.memberExpression(expression, j.identifier('finally')), [callback]);
}

export function hasSpreadProperty(object: any): boolean {
  return object.properties.some((property: any) => property.type === 'SpreadElement' || property.type === 'SpreadProperty');
}

export function hasNamedProperty(object: any, name: string): boolean {
  return object.properties.some(
    (property: any) =>
      (property.type === 'ObjectProperty' || property.type === 'Property' || property.type === 'ObjectMethod') &&
      ((property.key.type === 'Identifier' && !property.computed && property.key.name === name) ||
        ((property.key.type === 'StringLiteral' || property.key.type === 'Literal') && property.key.value === name)),
  );
}

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

// The path of `target` somewhere under `path`.
export function pathTo(path: ASTPath<any>, target: any): ASTPath<any> | undefined {
  if (path.node === target) return path;
  const node = path.node;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'comments' || key === 'tokens' || key === 'original') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        if (value[index] && typeof value[index].type === 'string') {
          const found = pathTo(path.get(key, index), target);
          if (found) return found;
        }
      }
    } else if (value && typeof value.type === 'string') {
      const found = pathTo(path.get(key), target);
      if (found) return found;
    }
  }
  return undefined;
}

// The nearest enclosing function node of a path (not the program).
export function enclosingFunctionNode(path: ASTPath<any>): any | undefined {
  for (let current: ASTPath<any> | null = path.parent; current; current = current.parent) {
    if (isFunctionNode(current.node)) return current.node;
  }
  return undefined;
}

// A fresh copy of a node of this file (a type annotation to repeat elsewhere), without positions:
// recast prints it anew instead of reusing, and misplacing, the original's text.
export function freshCopy(node: any): any {
  if (Array.isArray(node)) return node.map(freshCopy);
  if (!node || typeof node !== 'object') return node;
  const copy: any = {};
  for (const key of Object.keys(node)) {
    if (['loc', 'start', 'end', 'range', 'original', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'extra'].includes(key)) continue;
    copy[key] = freshCopy(node[key]);
  }
  return copy;
}
