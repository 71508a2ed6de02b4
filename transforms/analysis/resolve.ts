// What a name or a member expression is, by binding: the platform's setTimeout, Node's timers,
// node:timers/promises' setTimeout (or `promisify(setTimeout)`, the same function), events.once, the
// global Promise, fetch or AbortController — or a local function, an import from another file, or
// something unknown. Spellings never decide: `setTimeout` imported from './fake-timers' is not the
// platform's, and `sleep` imported from 'node:timers/promises' is.
import type { Binding, ImportInfo, Scope, Scopes } from './scope';
import { type Tree, isFunction, unwrap } from './tree';

export type BuiltinName =
  | 'setTimeout'
  | 'clearTimeout'
  | 'setInterval'
  | 'clearInterval'
  | 'Promise'
  | 'fetch'
  | 'AbortController'
  | 'AbortSignal'
  | 'TransformStream'
  | 'undefined'
  | 'globalThis'
  | 'window'
  | 'self'
  | 'promisify'
  /** `setTimeout` of node:timers/promises, and `promisify(setTimeout)` */
  | 'sleep'
  /** `once` of node:events */
  | 'events.once';

const GLOBALS = new Set<BuiltinName>(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Promise', 'fetch', 'AbortController', 'AbortSignal', 'TransformStream', 'undefined', 'globalThis', 'window', 'self']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
const TIMERS_MODULES = new Set(['timers', 'node:timers']);
const TIMERS_PROMISES_MODULES = new Set(['timers/promises', 'node:timers/promises']);
const EVENTS_MODULES = new Set(['events', 'node:events']);
const UTIL_MODULES = new Set(['util', 'node:util']);

/** how a builtin is reached: the code that names it, for a fix that must name its twin */
export type Via =
  | { kind: 'global' }
  /** `window.setTimeout`, `globalThis.fetch` */
  | { kind: 'global-member'; object: string }
  /** a local name imported or required from a module */
  | { kind: 'import'; local: string; module: string }
  /** `timers.setTimeout` with `timers` a namespace, default import or require of the module */
  | { kind: 'namespace'; object: string; module: string };

export interface Builtin {
  name: BuiltinName;
  via: Via;
}

export type ModuleKind = 'timers' | 'timers/promises' | 'events' | 'util';

function moduleKind(source: string): ModuleKind | undefined {
  if (TIMERS_MODULES.has(source)) return 'timers';
  if (TIMERS_PROMISES_MODULES.has(source)) return 'timers/promises';
  if (EVENTS_MODULES.has(source)) return 'events';
  if (UTIL_MODULES.has(source)) return 'util';
  return undefined;
}

function memberOfModule(kind: ModuleKind, property: string): BuiltinName | undefined {
  if (kind === 'timers' && (property === 'setTimeout' || property === 'clearTimeout' || property === 'setInterval' || property === 'clearInterval')) return property;
  if (kind === 'timers/promises' && property === 'setTimeout') return 'sleep';
  if (kind === 'events' && property === 'once') return 'events.once';
  if (kind === 'util' && property === 'promisify') return 'promisify';
  return undefined;
}

export function propertyName(member: any): string | undefined {
  if (member?.type !== 'MemberExpression' && member?.type !== 'OptionalMemberExpression') return undefined;
  if (!member.computed && (member.property.type === 'Identifier' || member.property.type === 'PrivateName')) {
    return member.property.type === 'PrivateName' ? `#${member.property.id.name}` : member.property.name;
  }
  if (member.computed && (member.property.type === 'StringLiteral' || (member.property.type === 'Literal' && typeof member.property.value === 'string'))) return member.property.value;
  return undefined;
}

export function isStringLiteral(node: any): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && typeof node?.value === 'string';
}

// `require('x')`: the module name, when `require` is the global one.
export function requiredModule(scopes: Scopes, node: any): string | undefined {
  const call = unwrap(node);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require' || call.arguments.length !== 1) return undefined;
  if (!scopes.isGlobalReference(call.callee)) return undefined;
  return isStringLiteral(call.arguments[0]) ? call.arguments[0].value : undefined;
}

/** `const delay = require('./delay')` (the module's exports, read as `module.exports`), `const { delay
 * } = require('./x')` or `const delay = require('./x').delay`, the global `require`, the name never
 * written again: what it imports, as an import would say */
export function requiredImport(scopes: Scopes, binding: Binding | undefined): ImportInfo | undefined {
  if (!binding || (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') || hasWrites(binding)) return undefined;
  const declarator = binding.declaration;
  if (declarator?.type !== 'VariableDeclarator') return undefined;
  const init = unwrap(declarator.init);
  if (declarator.id === binding.id) {
    const whole = requiredModule(scopes, init);
    if (whole !== undefined) return { source: whole, imported: 'module.exports' };
    const member = init?.type === 'MemberExpression' ? propertyName(init) : undefined;
    // (`require('./x').default` is a property of whatever the module exports, not its default export)
    const from = member !== undefined && member !== 'default' ? requiredModule(scopes, init.object) : undefined;
    return from !== undefined ? { source: from, imported: member! } : undefined;
  }
  if (declarator.id.type !== 'ObjectPattern') return undefined;
  const source = requiredModule(scopes, init);
  const property = declarator.id.properties.find((candidate: any) => candidate.type !== 'RestElement' && candidate.value === binding.id && !candidate.computed);
  const key = property?.key.name ?? property?.key.value;
  return source !== undefined && typeof key === 'string' && key !== 'default' ? { source, imported: key } : undefined;
}

export class Resolver {
  constructor(
    readonly tree: Tree,
    readonly scopes: Scopes,
  ) {}

  /** the module an expression is (a namespace or default import, or `require('timers')`), if it is one we know */
  moduleOf(node: any, depth = 0): ModuleKind | undefined {
    const expression = unwrap(node);
    if (depth > 4 || !expression) return undefined;
    const required = requiredModule(this.scopes, expression);
    if (required !== undefined) return moduleKind(required);
    if (expression.type !== 'Identifier') return undefined;
    const binding = this.scopes.bindingOf(expression);
    if (!binding) return undefined;
    if (binding.kind === 'import') {
      const info = binding.imported!;
      if (info.imported !== '*' && info.imported !== 'default') {
        // `import { EventEmitter } from 'events'`: EventEmitter.once is events.once
        return info.imported === 'EventEmitter' && moduleKind(info.source) === 'events' ? 'events' : undefined;
      }
      return moduleKind(info.source);
    }
    if (binding.kind === 'const' && binding.declaration?.type === 'VariableDeclarator' && binding.declaration.id === binding.id && !hasWrites(binding)) {
      const init = binding.declaration.init;
      // `const { EventEmitter } = require('events')` is handled by builtinOf's destructuring
      return this.moduleOf(init, depth + 1);
    }
    return undefined;
  }

  /** the builtin a callee or value expression stands for, if any */
  builtinOf(node: any, depth = 0): Builtin | undefined {
    const expression = unwrap(node);
    if (depth > 4 || !expression) return undefined;
    if (expression.type === 'Identifier') {
      if (this.scopes.isGlobalReference(expression)) {
        return GLOBALS.has(expression.name as BuiltinName) ? { name: expression.name as BuiltinName, via: { kind: 'global' } } : undefined;
      }
      const binding = this.scopes.bindingOf(expression);
      if (!binding) return undefined;
      return this.builtinOfBinding(binding, depth);
    }
    if (expression.type === 'MemberExpression' || expression.type === 'OptionalMemberExpression') {
      const property = propertyName(expression);
      if (property === undefined) return undefined;
      const object = unwrap(expression.object);
      if (object?.type === 'Identifier' && GLOBAL_OBJECTS.has(object.name) && this.scopes.isGlobalReference(object)) {
        return GLOBALS.has(property as BuiltinName) && !GLOBAL_OBJECTS.has(property) ? { name: property as BuiltinName, via: { kind: 'global-member', object: object.name } } : undefined;
      }
      const kind = this.moduleOf(object);
      if (kind !== undefined) {
        const name = memberOfModule(kind, property);
        if (name !== undefined) return { name, via: { kind: 'namespace', object: object?.type === 'Identifier' ? object.name : '', module: kind } };
      }
      return undefined;
    }
    if (expression.type === 'CallExpression') {
      // promisify(setTimeout): Node gives it the node:timers/promises signature (util.promisify.custom)
      const callee = this.builtinOf(expression.callee, depth + 1);
      if (callee?.name === 'promisify' && expression.arguments.length === 1 && this.builtinOf(expression.arguments[0], depth + 1)?.name === 'setTimeout') {
        return { name: 'sleep', via: { kind: 'global' } };
      }
    }
    return undefined;
  }

  private builtinOfBinding(binding: Binding, depth: number): Builtin | undefined {
    if (binding.kind === 'import') {
      const info = binding.imported!;
      const kind = moduleKind(info.source);
      if (kind === undefined || info.imported === '*' || info.imported === 'default') return undefined;
      const name = memberOfModule(kind, info.imported);
      return name ? { name, via: { kind: 'import', local: binding.name, module: info.source } } : undefined;
    }
    if (binding.kind !== 'const' || hasWrites(binding)) return undefined;
    const declarator = binding.declaration;
    if (declarator?.type !== 'VariableDeclarator') return undefined;
    if (declarator.id === binding.id) {
      const resolved = this.builtinOf(declarator.init, depth + 1);
      if (!resolved) return undefined;
      // `const later = setTimeout` is setTimeout under another name
      return { name: resolved.name, via: resolved.via.kind === 'global' ? { kind: 'import', local: binding.name, module: '' } : resolved.via };
    }
    // `const { setTimeout: sleep } = require('node:timers/promises')`
    if (declarator.id.type === 'ObjectPattern') {
      const kind = this.moduleOf(declarator.init);
      if (kind === undefined) return undefined;
      for (const property of declarator.id.properties) {
        if ((property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed && unwrapPattern(property.value) === binding.id) {
          const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
          const name = memberOfModule(kind, key);
          return name ? { name, via: { kind: 'import', local: binding.name, module: kind } } : undefined;
        }
      }
    }
    return undefined;
  }

  /** whether `node` is the builtin `name` */
  is(node: any, name: BuiltinName): boolean {
    return this.builtinOf(node)?.name === name;
  }

  /** the innermost scope at `node` */
  scopeAt(node: any): Scope {
    for (let current = node; current !== undefined; current = this.tree.parent(current)) {
      const scope = this.scopes.scopeCreatedBy(current);
      if (scope) return scope;
    }
    return this.scopes.program;
  }

  /** whether a global name, written at `node`, would reach the global (nothing in scope shadows it) */
  isFreeAt(node: any, name: string): boolean {
    return this.scopes.lookupFrom(this.scopeAt(node), name) === undefined;
  }

  /**
   * a local function a callee stands for: a function declaration or a const bound to a function,
   * never reassigned; or a `let` given one function later (`let onDone = () => {}; … onDone = () => {…}`),
   * which is the function any callback calls once the code that armed it has run
   */
  localFunctionOf(node: any): { fn: any; binding: Binding } | undefined {
    const expression = unwrap(node);
    if (expression?.type !== 'Identifier') return undefined;
    const binding = this.scopes.bindingOf(expression);
    if (!binding) return undefined;
    const writes = binding.references.filter((reference) => reference.write);
    if (writes.length === 1 && binding.kind === 'let') {
      const assignment = this.tree.parent(writes[0].node);
      const value = assignment?.type === 'AssignmentExpression' && assignment.operator === '=' && assignment.left === writes[0].node ? unwrap(assignment.right) : undefined;
      const init = unwrap(binding.declaration?.init);
      if (value && isFunction(value) && (!init || isFunction(init))) return { fn: value, binding };
    }
    if (hasWrites(binding)) return undefined;
    if (binding.kind === 'function' && isFunction(binding.declaration) && binding.declaration.body) return { fn: binding.declaration, binding };
    if ((binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') && binding.declaration?.type === 'VariableDeclarator' && binding.declaration.id === binding.id) {
      const init = unwrap(binding.declaration.init);
      if (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression') return { fn: init, binding };
    }
    return undefined;
  }

  /** `this.name(...)` / `this.#name(...)` inside a class: the method it calls, from the same class */
  classMethodOf(callee: any): any | undefined {
    const member = unwrap(callee);
    if (member?.type !== 'MemberExpression' || unwrap(member.object)?.type !== 'ThisExpression') return undefined;
    const name = propertyName(member);
    if (name === undefined) return undefined;
    // `this` is the class's instance only in its methods (an arrow keeps the method's `this`)
    let method: any;
    for (const ancestor of this.tree.ancestors(member)) {
      if (ancestor.type === 'ClassMethod' || ancestor.type === 'ClassPrivateMethod' || ancestor.type === 'ClassProperty' || ancestor.type === 'ClassPrivateProperty') {
        method = ancestor;
        break;
      }
      if (ancestor.type === 'FunctionExpression' || ancestor.type === 'FunctionDeclaration' || ancestor.type === 'ObjectMethod') return undefined;
    }
    if (!method) return undefined;
    const classBody = this.tree.parent(method);
    if (classBody?.type !== 'ClassBody') return undefined;
    const isStatic = method.static === true;
    const matches = classBody.body.filter(
      (member: any) =>
        (member.type === 'ClassMethod' || member.type === 'ClassPrivateMethod') &&
        member.kind === 'method' &&
        member.static === isStatic &&
        !member.computed &&
        (member.key.type === 'PrivateName' ? `#${member.key.id.name}` : member.key.name) === name,
    );
    return matches.length === 1 ? matches[0] : undefined;
  }
}

export function hasWrites(binding: Binding): boolean {
  return binding.references.some((reference) => reference.write);
}

/** `x = fallback` (a parameter or a binding with a default): `x` */
export function unwrapPattern(node: any): any {
  return node?.type === 'AssignmentPattern' ? node.left : node;
}
