// The cheap gates before the model is built. A rule's `calls` name the calls a file must hold for the
// rule to find anything: `'race'` is any call or `new` of that name or of a member of that name;
// `{ callee, inside }` only one within the arguments of a call or `new` named `inside`;
// `callsParameter: true` only one whose arguments call a parameter of the function it is in. A name
// imported under another (`import { setTimeout as later } from 'node:timers'`) counts as the
// imported name. First a whole-word test of the text, then one loop over the tree.
import { propertyName } from '../analysis/resolve';
import type { CallPattern } from './rule';

const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);

const WRAPPERS = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TypeCastExpression', 'ParenthesizedExpression']);

type Node = Record<string, unknown> & { type?: string };

// `(race as Fn)(…)`, `race!(…)`, `(0, race)(…)` all call `race`.
function unwrap(expression: unknown): Node | undefined {
  let node = expression as Node | undefined;
  for (;;) {
    if (node === undefined || node === null) return undefined;
    if (node.type !== undefined && WRAPPERS.has(node.type)) node = node.expression as Node;
    else if (node.type === 'SequenceExpression') node = (node.expressions as Node[]).at(-1);
    else return node;
  }
}

// The name a call or `new` is made by: `race(…)`, `Promise.race(…)`, `Promise['race'](…)`, `x?.race(…)`,
// `(Promise.race as F)(…)` are all `race`.
function calleeName(node: Node): string | undefined {
  const callee = unwrap(node.callee);
  if (callee?.type === 'Identifier') return callee.name as string;
  if (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') return propertyName(callee);
  return undefined;
}

// The calls or `new`s a node sits in, innermost first: `setTimeout(…)` in `new Promise((resolve) => …)` is in `Promise`.
type Enclosing = { name: string | undefined; outer: Enclosing } | undefined;

// `import { Channel as Queue } from 'async-channel'`, `const { setTimeout: later } = require('timers')`:
// local names of imports, with the name each was imported as. A call of `Queue` counts as one of `Channel`.
function importedNames(ast: unknown): Map<string, string> {
  const aliases = new Map<string, string>();
  const program = ((ast as Node).program ?? ast) as Node;
  for (const statement of (program.body as Node[] | undefined) ?? []) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of (statement.specifiers as Node[]) ?? []) {
        const imported = specifier.imported as Node | undefined;
        const importedName = (imported?.name ?? imported?.value) as string | undefined;
        const local = (specifier.local as Node | undefined)?.name as string | undefined;
        if (specifier.type === 'ImportSpecifier' && importedName !== undefined && local !== undefined) aliases.set(local, importedName);
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations as Node[]) {
        const id = declarator.id as Node;
        const init = unwrap(declarator.init);
        if (id?.type !== 'ObjectPattern' || init?.type !== 'CallExpression') continue;
        const callee = init.callee as Node;
        if (callee.type !== 'Identifier' || callee.name !== 'require') continue;
        for (const property of id.properties as Node[]) {
          const key = property.key as Node | undefined;
          const value = property.value as Node | undefined;
          if (property.type === 'ObjectProperty' && key?.type === 'Identifier' && value?.type === 'Identifier') aliases.set(value.name as string, key.name as string);
        }
      }
    }
  }
  return aliases;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

// Where a node sits: the calls around it, and the identifier parameters of the function it is in.
type Context = { calls: Enclosing; params: ReadonlySet<string> | undefined };

function identifierParams(fn: Node): ReadonlySet<string> {
  return new Set((fn.params as Node[]).filter((param) => param.type === 'Identifier').map((param) => param.name as string));
}

// `setTimeout(() => done(err), ms)` in `function f(done) {…}`: an argument calls one of `params`.
function argumentsCall(call: Node, params: ReadonlySet<string>): boolean {
  if (params.size === 0) return false;
  const stack: unknown[] = [...(call.arguments as Node[])];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const node = value as Node;
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = unwrap(node.callee);
      if (callee?.type === 'Identifier' && params.has(callee.name as string)) return true;
    }
    for (const key in node) if (!SKIPPED_KEYS.has(key)) stack.push(node[key]);
  }
  return false;
}

// For each group of patterns (one transform's `calls`), whether the tree holds a call it describes;
// one walk for all groups, which stops once every group has matched.
export function matchCalls(ast: unknown, groups: readonly (readonly CallPattern[])[]): boolean[] {
  const aliases = importedNames(ast);
  const matched = groups.map(() => false);
  let left = groups.length;
  const byCallee = new Map<string, Array<{ pattern: Exclude<CallPattern, string> | undefined; group: number }>>();
  groups.forEach((patterns, group) => {
    for (const pattern of patterns) {
      const callee = typeof pattern === 'string' ? pattern : pattern.callee;
      byCallee.set(callee, [...(byCallee.get(callee) ?? []), { pattern: typeof pattern === 'string' ? undefined : pattern, group }]);
    }
  });
  const isInside = (enclosing: Enclosing, outer: string): boolean => {
    for (let current = enclosing; current !== undefined; current = current.outer) {
      if (current.name === outer || (current.name !== undefined && aliases.get(current.name) === outer)) return true;
    }
    return false;
  };
  // marks the groups this call matches; true once every group has matched
  const visitCall = (node: Node, name: string, context: Context): boolean => {
    const candidates = byCallee.get(name) ?? byCallee.get(aliases.get(name) ?? name);
    for (const { pattern, group } of candidates ?? []) {
      if (matched[group]) continue;
      const holds =
        pattern === undefined ||
        ((pattern.inside === undefined || isInside(context.calls, pattern.inside)) &&
          (pattern.callsParameter !== true || (context.params !== undefined && argumentsCall(node, context.params))));
      if (holds) {
        matched[group] = true;
        left -= 1;
      }
    }
    return left === 0;
  };

  const values: unknown[] = [ast];
  const contexts: Context[] = [{ calls: undefined, params: undefined }];
  while (values.length > 0) {
    const value = values.pop();
    const context = contexts.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item !== null && typeof item === 'object') {
          values.push(item);
          contexts.push(context);
        }
      }
      continue;
    }
    const node = value as Node;
    const type = node.type;
    let inner = context;
    if (type === 'CallExpression' || type === 'OptionalCallExpression' || type === 'NewExpression') {
      const name = calleeName(node);
      if (name !== undefined && visitCall(node, name, context)) return matched;
      // `(await load())(…)`: a call we cannot name still encloses its arguments
      inner = { calls: { name, outer: context.calls }, params: context.params };
    } else if (type !== undefined && FUNCTION_TYPES.has(type)) {
      inner = { calls: context.calls, params: identifierParams(node) };
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') {
        values.push(child);
        contexts.push(inner);
      }
    }
  }
  return matched;
}


const wordPatterns = new Map<string, RegExp>();

function wordPattern(name: string): RegExp {
  let pattern = wordPatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$&')}(?![\\w$])`);
    wordPatterns.set(name, pattern);
  }
  return pattern;
}

/** whether the text spells the names a pattern needs, as whole words (`race` in `trace` does not count) */
export function textMayHold(source: string, patterns: readonly CallPattern[]): boolean {
  return patterns.some((pattern) =>
    typeof pattern === 'string' ? wordPattern(pattern).test(source) : wordPattern(pattern.callee).test(source) && (pattern.inside === undefined || wordPattern(pattern.inside).test(source)),
  );
}
