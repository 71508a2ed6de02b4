// The cheap parse: @babel/parser alone (no recast tokens, no tree copy, no NodePath walk) and a plain
// loop over the tree that looks for the names transforms declare in `calls`. A file where no transform's
// `calls` appears is finished without recast. Only used when every transform that passed the text
// prefilter declares `calls`; otherwise the file goes straight to the full run.
import * as path from 'node:path';
import type { Codemod } from '../transforms/lib/codemod';
import { chooseParser } from '../transforms/lib/parser';

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

function propertyName(member: Node): string | undefined {
  const property = member.property as Node | undefined;
  if (!member.computed && property?.type === 'Identifier') return property.name as string;
  if (property?.type === 'StringLiteral' && typeof property.value === 'string') return property.value;
  return undefined;
}

// True when the tree holds a call (or `new`) whose callee is one of `names` or a member of that name:
// `race(…)`, `Promise.race(…)`, `Promise['race'](…)`, `x?.race(…)`, `(Promise.race as F)(…)`.
export function callsAny(ast: unknown, names: ReadonlySet<string>): boolean {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const node = value as Node;
    const type = node.type;
    if (type === 'CallExpression' || type === 'OptionalCallExpression' || type === 'NewExpression') {
      const callee = unwrap(node.callee);
      let name: string | undefined;
      if (callee?.type === 'Identifier') name = callee.name as string;
      else if (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') name = propertyName(callee);
      if (name !== undefined && names.has(name)) return true;
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** 'unused': no callee name in the text, nothing parsed; 'none': parsed, no candidate call; 'maybe': parse for real */
export type CheapVerdict = 'unused' | 'none' | 'maybe';

type Parse = (source: string) => unknown;
const cheapParsers = new Map<string, Parse>();

// jscodeshift's own @babel/parser and options for `ts`/`tsx`, minus what only recast needs (tokens,
// comments attached to nodes): the same grammar, so the same files parse and fail.
function cheapParser(name: 'ts' | 'tsx'): Parse {
  let parse = cheapParsers.get(name);
  if (parse === undefined) {
    const jscodeshiftDir = path.dirname(require.resolve('jscodeshift/package.json'));
    const babelParser = require(require.resolve('@babel/parser', { paths: [jscodeshiftDir] })) as { parse(source: string, options: unknown): unknown };
    const base = require('jscodeshift/parser/tsOptions') as { plugins: unknown[] };
    const options = { ...base, tokens: false, attachComment: false, plugins: name === 'tsx' ? ['jsx', ...base.plugins] : base.plugins };
    parse = (source) => babelParser.parse(source, options);
    cheapParsers.set(name, parse);
  }
  return parse;
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

// 'none': no transform can touch the file. 'maybe': parse it for real (including when the cheap parse
// fails: the full run reports the syntax error exactly as jscodeshift would).
export function cheapVerdict(codemods: readonly Codemod[], file: string, source: string): CheapVerdict {
  if (codemods.length === 0) return 'unused';
  if (codemods.some((codemod) => codemod.calls === undefined)) return 'maybe';
  const parser = chooseParser(file, source);
  // Flow files are rare; flow-parser's tree has other node types, so they take the full path.
  if (parser === 'flow') return 'maybe';
  const names = new Set(codemods.flatMap((codemod) => codemod.calls ?? []));
  // A callee name must at least appear as a whole word (`race` in `trace` does not count).
  if (![...names].some((name) => wordPattern(name).test(source))) return 'unused';
  let ast: unknown;
  try {
    ast = cheapParser(parser)(source);
  } catch {
    return 'maybe';
  }
  return callsAny(ast, names) ? 'maybe' : 'none';
}
