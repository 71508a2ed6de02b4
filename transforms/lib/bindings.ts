import type { ASTPath } from 'jscodeshift';

// Match bindings, not spellings: `setTimeout` counts only when no declaration or import in the
// file binds that name where it is used. ast-types hoists block-scoped names to the function, which
// can only make us see shadowing that is not there: a missed rewrite, never a wrong one.
export function isGlobalName(path: ASTPath<any>, name: string): boolean {
  const scope = path.scope;
  if (!scope) return true;
  return scope.lookup(name) == null;
}

export type ImportSource = { source: string; imported: string };

// Where a name used at `path` comes from when it is an import (ESM named import or a
// `const { a: b } = require('x')` destructuring at module level). Undefined for anything else.
export function findImportOf(path: ASTPath<any>, name: string): ImportSource | undefined {
  const scope = path.scope?.lookup(name);
  if (!scope || !scope.isGlobal) return undefined;
  const program = scope.node;
  for (const statement of program.body ?? []) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.local?.name !== name) continue;
        const imported =
          specifier.type === 'ImportSpecifier'
            ? (specifier.imported.name ?? specifier.imported.value)
            : specifier.type === 'ImportDefaultSpecifier'
              ? 'default'
              : '*';
        return { source: String(statement.source.value), imported };
      }
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        const isRequire =
          init?.type === 'CallExpression' &&
          init.callee.type === 'Identifier' &&
          init.callee.name === 'require' &&
          init.arguments.length === 1 &&
          typeof (init.arguments[0] as { value?: unknown }).value === 'string';
        if (!isRequire || declarator.id.type !== 'ObjectPattern') continue;
        for (const property of declarator.id.properties) {
          if (property.type !== 'ObjectProperty' && property.type !== 'Property') continue;
          const value = property.value;
          if (value.type === 'Identifier' && value.name === name && property.key.type === 'Identifier') {
            return { source: String((init.arguments[0] as { value: string }).value), imported: property.key.name };
          }
        }
      }
    }
  }
  return undefined;
}

export function isNodeTimersModule(source: string): boolean {
  return source === 'timers' || source === 'node:timers';
}

export function isNodeTimersPromisesModule(source: string): boolean {
  return source === 'timers/promises' || source === 'node:timers/promises';
}
