// The style new code is written in: the file's own first (its indentation, semicolons, quotes,
// trailing commas), then the project's formatter config (./formatter-config.ts) where the file does
// not say, then Prettier's defaults. Line terminators are taken per insertion, from the line the code
// goes next to (SourceText.terminatorNear), so a file with mixed endings keeps them.
import { walkNodes } from '../analysis/tree';
import { type FormatterConfig, readFormatterConfig } from './formatter-config';

export interface Style {
  /** one level of indentation: a tab, or N spaces */
  indent: string;
  semicolons: boolean;
  quote: "'" | '"';
  /** a comma after the last element of a list broken over several lines */
  trailingCommas: boolean;
  /** the same after a call's last argument (false under Prettier's "es5") */
  trailingCommasInCalls: boolean;
  /** the line width new code is kept within */
  printWidth: number;
  /** where that width comes from: a formatter's config or its default ('config'); no formatter, so
   * the file's own lines say more ('file'); a formatter whose width this cannot read ('unknown') */
  widthFrom?: 'config' | 'file' | 'unknown';
  /** how wide a tab is, where the formatter says (Prettier's tabWidth with useTabs) */
  tabWidth?: number;
  /** `{ a }` rather than `{a}` for an object literal on one line */
  bracketSpacing: boolean;
  /** `} finally {` on the line of the closing brace (1tbs), rather than `}` then `finally {` on a line of its own (stroustrup) */
  cuddledKeywords: boolean;
}

// East Asian wide and fullwidth characters, and emoji: two columns each, as Prettier counts them
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/gu;

/** how wide a line is as a formatter counts it: a tab as wide as the formatter's tabWidth (else one
 * indent of the file, 2 when it indents with tabs), a wide character as two columns */
export function lineWidth(style: Style, line: string): number {
  const tab = style.tabWidth ?? (style.indent === '\t' ? 2 : style.indent.length);
  const spaced = line.replace(/\t/g, ' '.repeat(tab));
  let length = 0;
  for (const _ of spaced) length += 1;
  return length + (spaced.match(WIDE)?.length ?? 0);
}

/** `} finally {`, or `}` and `finally {` on lines of their own: as the file writes `else`, `catch` and `finally` */
export function closeAndOpen(style: Style, keyword: string, indent: string, eol: string): string {
  return style.cuddledKeywords ? `} ${keyword} {` : `}${eol}${indent}${keyword} {`;
}

/** `{ signal: c.signal }` or `{signal: c.signal}`, as the file writes an object literal on one line */
export function objectLiteral(style: Style, properties: string): string {
  return style.bracketSpacing ? `{ ${properties} }` : `{${properties}}`;
}

const STATEMENTS_WITH_SEMICOLON = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'BreakStatement',
  'ContinueStatement',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'DoWhileStatement',
  'DebuggerStatement',
]);

interface Counts {
  semicolon: number;
  noSemicolon: number;
  single: number;
  double: number;
  trailing: number;
  noTrailing: number;
  spaced: number;
  tight: number;
  cuddled: number;
  uncuddled: number;
}

// A walk over the statements and literals of the file, counting how it ends statements, quotes
// strings and closes lists broken over lines.
function countStyle(program: any, text: string): Counts {
  const counts: Counts = { semicolon: 0, noSemicolon: 0, single: 0, double: 0, trailing: 0, noTrailing: 0, spaced: 0, tight: 0, cuddled: 0, uncuddled: 0 };
  // `} else {` / `}\nelse {`: what lies between a block's closing brace and the keyword after it
  const between = (block: any, next: any) => {
    if (block?.type !== 'BlockStatement' || typeof block.end !== 'number' || typeof next?.start !== 'number' || text[block.end - 1] !== '}') return;
    const gap = text.slice(block.end, next.start);
    if (/\/[/*]/.test(gap)) return;
    if (/[\n\r]/.test(gap)) counts.uncuddled += 1;
    else counts.cuddled += 1;
  };
  walkNodes(program, (node) => {
    const type = node.type;
    if (STATEMENTS_WITH_SEMICOLON.has(type) && typeof node.end === 'number' && !(type === 'ExportNamedDeclaration' && node.declaration)) {
      if (text[node.end - 1] === ';') counts.semicolon += 1;
      else if (type !== 'VariableDeclaration' || !isForHead(node, text)) counts.noSemicolon += 1;
    }
    if ((type === 'StringLiteral' || (type === 'Literal' && typeof node.value === 'string')) && typeof node.start === 'number') {
      const first = text[node.start];
      if (first === "'") counts.single += 1;
      else if (first === '"') counts.double += 1;
    }
    // `{ a }` / `{a}`: objects and patterns on one line, with something inside
    if ((type === 'ObjectExpression' || type === 'ObjectPattern') && typeof node.end === 'number' && node.properties.length > 0 && text[node.start] === '{') {
      const inner = text.slice(node.start + 1, node.end - 1);
      if (!/[\n\r]/.test(inner)) {
        if (/^\s/.test(inner) && /\s$/.test(inner)) counts.spaced += 1;
        else if (!/^\s/.test(inner) && !/\s$/.test(inner)) counts.tight += 1;
      }
    }
    if (type === 'IfStatement' && node.alternate) between(node.consequent, node.alternate);
    if (type === 'TryStatement') {
      if (node.handler) between(node.block, node.handler);
      if (node.finalizer) between(node.handler ? node.handler.body : node.block, node.finalizer);
    }
    if ((type === 'ArrayExpression' || type === 'ObjectExpression') && typeof node.end === 'number') {
      const items = type === 'ArrayExpression' ? node.elements : node.properties;
      countTrailing(counts, text, items, node.end - 1);
    }
  });
  return counts;
}

// `for (let i = 0; …)`: a declaration in a for head ends with no semicolon of its own.
function isForHead(node: any, text: string): boolean {
  const after = text.slice(node.end, node.end + 40).trimStart();
  return after.startsWith(')') || after.startsWith('of ') || after.startsWith('in ') || after.startsWith(';');
}

function countTrailing(counts: Counts, text: string, items: any[], closing: number): void {
  const last = items?.[items.length - 1];
  if (!last || typeof last.end !== 'number') return;
  const between = text.slice(last.end, closing).replace(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g, '');
  // only a list whose closing bracket stands on a line of its own says anything
  if (!/[\n\r]/.test(between)) return;
  if (/^\s*,/.test(between)) counts.trailing += 1;
  else counts.noTrailing += 1;
}

// The indentation unit: tabs when most indented lines start with one; otherwise the most common
// step between the indentation of consecutive lines (2 or 4 spaces, usually).
export function detectIndent(text: string): string | undefined {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previousWidth = 0;
  let inBlockComment = false;
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const trimmed = line.trimStart();
    if (inBlockComment) {
      if (trimmed.includes('*/')) inBlockComment = false;
      continue;
    }
    if (trimmed === '') continue;
    if (trimmed.startsWith('/*') && !trimmed.includes('*/')) inBlockComment = true;
    const width = line.length - trimmed.length;
    if (line[0] === '\t') {
      tabs += 1;
      continue;
    }
    if (line[0] === ' ') spaces += 1;
    const step = Math.abs(width - previousWidth);
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previousWidth = width;
  }
  if (tabs === 0 && spaces === 0) return undefined;
  if (tabs > spaces) return '\t';
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best > 0 ? ' '.repeat(best) : undefined;
}

function majority(yes: number, no: number): boolean | undefined {
  if (yes === 0 && no === 0) return undefined;
  return yes >= no;
}

function widthFrom(config: FormatterConfig | undefined): Style['widthFrom'] {
  if (config?.formatter && config.unread && config.printWidth === undefined) return 'unknown';
  return config?.printWidth !== undefined || config?.formatter ? 'config' : 'file';
}

export function detectStyle(program: any, text: string, path: string | undefined, config: FormatterConfig | undefined = path ? readFormatterConfig(path) : undefined): Style {
  const counts = countStyle(program, text);
  const indent = detectIndent(text) ?? config?.indent ?? '  ';
  const semicolons = majority(counts.semicolon, counts.noSemicolon) ?? config?.semicolons ?? true;
  const quoteSingle = majority(counts.single, counts.double) ?? (config?.quote ? config.quote === "'" : true);
  const trailingCommas = majority(counts.trailing, counts.noTrailing) ?? config?.trailingCommas ?? true;
  const bracketSpacing = majority(counts.spaced, counts.tight) ?? config?.bracketSpacing ?? true;
  const trailingCommasInCalls = trailingCommas && (config?.trailingCommasInCalls ?? true);
  const cuddledKeywords = majority(counts.cuddled, counts.uncuddled) ?? true;
  return { indent, semicolons, quote: quoteSingle ? "'" : '"', trailingCommas, trailingCommasInCalls, printWidth: config?.printWidth ?? 80, widthFrom: widthFrom(config), tabWidth: config?.tabWidth, bracketSpacing, cuddledKeywords };
}
