// Where new code goes and how it is laid out: edits that insert statements, turn an expression body
// into a block, append to a call or a function, add an argument or a property, and delete a
// statement — each written in the file's style (indentation, semicolons, the line terminator of the
// lines around it) and touching no byte the fix does not need.
import { type Tree, isFunction, unwrap, walkNodes } from '../analysis/tree';
import { type Edit, applyEditsInRange, insertAt, replaceRange } from '../engine/edits';
import { parseSource } from '../engine/parse';
import type { SourceText } from '../engine/source';
import { type Style, closeAndOpen, lineWidth, objectLiteral } from '../engine/style';

export interface Layout {
  text: SourceText;
  tree: Tree;
  style: Style;
}

/** `;` or nothing, as the file ends its statements */
export function semi(style: Style): string {
  return style.semicolons ? ';' : '';
}

// A line that starts with `(`, `[`, `` ` ``, `+`, `-` or `/` needs a leading `;` (after its
// indentation) in a file without semicolons, or it would continue the line before it.
export function guardedLine(style: Style, line: string): string {
  return style.semicolons ? line : line.replace(/^(\s*)(?!\/\/|\/\*)([([`+\-/])/, '$1;$2');
}

// A statement ended as the file ends them, or guarded as above; a comment line is written as it is.
export function statement(style: Style, code: string): string {
  if (code.startsWith('//') || code.startsWith('/*') || code.startsWith(' *')) return code;
  return style.semicolons ? `${code};` : guardedLine(style, code);
}

/**
 * Literals overlapping [start, end) whose text runs over lines (template literals, strings with a
 * `\` line continuation): their continuation lines are the program's data, never re-indented.
 */
function templateRanges(tree: Tree, start: number, end: number): Array<[number, number]> {
  return [...tree.overlapping('TemplateLiteral', start, end), ...tree.overlapping('StringLiteral', start, end), ...tree.overlapping('Literal', start, end).filter((node) => typeof node.value === 'string')].map(
    (node) => [node.start, node.end] as [number, number],
  );
}

// Indentation works on the lines an editor shows: \r\n, \n and \r. A raw U+2028 or U+2029 is a line
// terminator to the language, but it can only stand in a string, a template or a comment, whose
// text must not change.
const EDITOR_LINE_BREAK = /(\r\n|[\n\r])/;

// The text of [start, end), with `edits` inside it applied, and every line after the first moved by
// `delta` (a string of whitespace to add, or a number of columns to remove). Lines that begin inside
// a template literal are left as they are: their text is the program's data.
export function reindent(layout: Layout, start: number, end: number, delta: string | number, edits: readonly Edit[] = []): string {
  const composed = applyEditsInRange(layout.text.text, start, end, edits);
  if (delta === 0 || delta === '') return composed.text;
  const templates = templateRanges(layout.tree, start, end);
  // a literal inside an edit's own text (a nested block made from the original's code) is found by
  // its text, which no edit changes: its continuation lines are skipped there too
  const literalsInComposed: Array<[number, number]> = [];
  let cursor = 0;
  for (const [from, to] of templates.sort((a, b) => a[0] - b[0])) {
    const literal = layout.text.text.slice(Math.max(from, start), Math.min(to, end));
    if (!/[\n\r]/.test(literal)) continue;
    const at = composed.text.indexOf(literal, cursor);
    if (at === -1) continue;
    literalsInComposed.push([at, at + literal.length]);
    cursor = at + literal.length;
  }
  const lines = composed.text.split(EDITOR_LINE_BREAK);
  let offset = 0;
  let result = '';
  for (let index = 0; index < lines.length; index += 1) {
    const piece = lines[index];
    if (index % 2 === 1) {
      result += piece;
      offset += piece.length;
      continue;
    }
    const original = composed.toOriginal(offset);
    const inTemplate = templates.some(([from, to]) => original > from && original < to) || literalsInComposed.some(([from, to]) => offset > from && offset < to);
    if (index === 0 || inTemplate || piece.trim() === '') {
      result += piece;
    } else if (typeof delta === 'string') {
      result += delta + piece;
    } else {
      const remove = Math.min(-delta, piece.length - piece.trimStart().length);
      result += piece.slice(remove);
    }
    offset += piece.length;
  }
  return result;
}

// `if (ready) await Promise.race([…]);` on one line: where the fix breaks that statement over several
// lines, it moves to a line of its own below the `if` (or `else`, `while`, `for`), one level in, as
// Prettier lays out a body it cannot keep beside its head. Other edits are left as they are.
export function bodyOnOwnLine(layout: Layout, node: any, edits: readonly Edit[]): Edit[] {
  const { text, tree, style } = layout;
  let body = node;
  for (let parent = tree.parent(body); parent && parent.type !== 'BlockStatement' && parent.type !== 'Program'; parent = tree.parent(body)) {
    const heads = ['IfStatement', 'WhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement'];
    if (heads.includes(parent.type) && (parent.consequent === body || parent.alternate === body || parent.body === body)) break;
    if (isFunction(parent) || parent.type === 'ClassBody') return [...edits];
    body = parent;
  }
  const head = tree.parent(body);
  if (!head || !['IfStatement', 'WhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement'].includes(head.type) || body.type === 'BlockStatement' || body.type === 'IfStatement') return [...edits];
  const before = text.text.slice(text.lineStartOf(body.start), body.start);
  // on the head's line, and alone on it to its end
  if (before.trim() === '' || /[\n\r]/.test(text.text.slice(body.start, body.end)) || !text.ownsLines({ start: text.lineStartOf(body.start) }, body)) return [...edits];
  // `if (a) if (b) body`: the heads would each need a line of their own (`else if` is one head)
  const outer = tree.parent(head);
  if (outer && ['IfStatement', 'WhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement'].includes(outer.type) && (outer.consequent === head || outer.body === head)) return [...edits];
  // `if (a) /* why */ body`: the comment would stay behind on the head's line
  const comments: any[] = tree.file?.comments ?? [];
  if (comments.some((comment) => comment.start >= text.lineStartOf(body.start) && comment.end <= body.start)) return [...edits];
  // another site in the same body (`r = [await race1, await race2]`): each fix would move the whole
  // body, and their edits would overlap; the body stays where it is, as the fixes write it
  const others = [...tree.within(body, 'CallExpression'), ...tree.within(body, 'NewExpression')].filter((call: any) => !(call.start >= node.start && call.end <= node.end));
  if (others.some((call: any) => /\b(?:setTimeout|setInterval|Promise|race|any|sleep|delay|wait|timeout)\b/i.test(text.text.slice(call.callee.start, call.callee.end)))) return [...edits];
  const within = edits.filter((edit) => edit.start >= body.start && edit.end <= body.end);
  const composed = applyEditsInRange(text.text, body.start, body.end, within).text;
  if (!/[\n\r]/.test(composed)) return [...edits];
  const indent = text.indentOf(body.start);
  const eol = text.terminatorNear(body.start);
  let from = body.start;
  while (from > 0 && (text.text[from - 1] === ' ' || text.text[from - 1] === '\t')) from -= 1;
  const moved = reindent(layout, body.start, body.end, style.indent, within);
  return [...edits.filter((edit) => !within.includes(edit)), replaceRange(from, body.end, `${eol}${indent}${style.indent}${moved}`)];
}

/** the offset of the first of the comment lines right above a statement (its own comments), or of its line */
export function leadingCommentsStart(layout: Layout, statementNode: any): number {
  const { text } = layout;
  const starts = text.lineStarts();
  let from = text.lineStartOf(statementNode.start);
  // a line is a comment line when comments of the file cover all of it but blanks (not `* 1000);`
  // continuing an expression, nor a template literal's line that starts with `//`)
  const comments: any[] = layout.tree.file?.comments ?? [];
  const covered = (lineStart: number, lineEnd: number): boolean => {
    let at = lineStart;
    while (at < lineEnd && /\s/.test(text.text[at])) at += 1;
    while (at < lineEnd) {
      const comment = comments.find((each) => each.start <= at && at < each.end);
      if (!comment) return false;
      at = comment.end;
      while (at < lineEnd && /\s/.test(text.text[at])) at += 1;
    }
    return true;
  };
  for (let line = text.positionAt(from).line - 1; line >= 1; line -= 1) {
    const lineStart = starts[line - 1];
    const lineEnd = text.lineEndOf(lineStart);
    const content = text.text.slice(lineStart, lineEnd).trim();
    if (!(content.startsWith('//') || content.startsWith('/*') || content.startsWith('*'))) break;
    if (comments.length > 0 && !covered(lineStart, lineEnd)) break;
    from = lineStart;
  }
  // a file's header comment stays the first thing in the file
  if (from === 0 && layout.tree.program.body[0] === statementNode) return text.lineStartOf(statementNode.start);
  return from;
}

/** insert whole lines of code before a statement, at its indentation, above the comments that describe it */
export function insertLinesBefore(layout: Layout, statementNode: any, lines: readonly string[]): Edit {
  const { text } = layout;
  const eol = text.terminatorNear(statementNode.start);
  const indent = text.indentOf(statementNode.start);
  if (text.startsLine(statementNode.start)) {
    return insertAt(leadingCommentsStart(layout, statementNode), lines.map((line) => (line === '' ? eol : `${indent}${line}${eol}`)).join(''));
  }
  // the statement shares its line with code before it: stay on that line, each statement ended
  // (without semicolons, `{ const c = new AbortController() return …` would not parse)
  const ended = lines.filter((line) => line !== '').map((line) => line.trim()).map((line) => (/[;{}]\s*$/.test(line) ? line : `${line};`));
  return insertAt(statementNode.start, ended.join(' ') + ' ');
}

/** insert whole lines of code after the statement `statementNode`, at its indentation */
export function insertLinesAfter(layout: Layout, statementNode: any, lines: readonly string[], indent = layout.text.indentOf(statementNode.start)): Edit {
  const { text } = layout;
  const eol = text.terminatorNear(statementNode.start);
  const lineEnd = text.lineEndOf(statementNode.end);
  return insertAt(lineEnd, lines.map((line) => `${eol}${indent}${line}`).join(''));
}

// `(a) => expression` becomes `(a) => {\n  <before>\n  <last(body)>\n  <after>\n}`: `last` writes the
// statement that takes the old body (`return <body>;`, `<body>;`). `edits` are the fix's other edits
// inside the body, composed into this one. With `closeCall`, an arrow that is a call's last argument
// takes the `,` and line break before the call's `)`: `=> {\n…\n})` as a formatter writes it.
export function expressionBodyToBlock(
  layout: Layout,
  arrow: any,
  before: readonly string[],
  last: (body: string) => string,
  after: readonly string[] = [],
  edits: readonly Edit[] = [],
  closeCall?: any,
): Edit {
  const { text, style } = layout;
  const body = arrow.body;
  const bodyStart = outerStart(layout, body);
  const bodyEnd = outerEnd(layout, body);
  const outer = text.indentOf(closeCall ? closeCall.start : arrow.start);
  const inner = outer + style.indent;
  const eol = text.terminatorNear(arrow.start);
  // `() => (reject(err))`: a call's parentheses go with the expression body (as a statement without
  // semicolons they would get a `;(` guard); an object literal's or anything else's stay
  const bare = bodyStart !== body.start && ['CallExpression', 'NewExpression', 'AwaitExpression'].includes(body.type) && text.text.slice(bodyStart + 1, body.start).trim() === '' && text.text.slice(body.end, bodyEnd - 1).trim() === '';
  const [textStart, textEnd] = bare ? [body.start, body.end] : [bodyStart, bodyEnd];
  const bodyIndent = text.startsLine(textStart) ? text.indentOf(textStart) : outer;
  const delta = inner.length - bodyIndent.length;
  const bodyText = reindent(layout, textStart, textEnd, delta > 0 ? inner.slice(bodyIndent.length) : delta, edits);
  // from right after `=>` to the end of the body: the body may have started on the next line
  const from = text.text.lastIndexOf('=>', bodyStart) + 2;
  let to = bodyEnd;
  if (closeCall && closeCall.arguments.at(-1) === arrow) {
    const rest = /^\s*,?\s*(?=\))/.exec(text.text.slice(bodyEnd, closeCall.end));
    if (rest && /[\n\r]/.test(rest[0])) to = bodyEnd + rest[0].length;
  }
  // comments between `=>` and the body stay, as lines of their own above it
  const between = text.text.slice(from, bodyStart);
  const comments = [...between.matchAll(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g)].map((match) => match[0]);
  const lines = [...before, ...comments, last(bodyText), ...after].map((line) => (line === '' ? '' : `${inner}${line}`));
  return replaceRange(from, to, ` {${eol}${lines.join(eol)}${eol}${outer}}`);
}

/** the start of a node with the parentheses written around it */
export function outerStart(layout: Layout, node: any): number {
  let start = node.start;
  const parens = node.extra?.parenthesized ? node.extra.parenStart : undefined;
  if (typeof parens === 'number') start = parens;
  return start;
}

export function outerEnd(layout: Layout, node: any): number {
  if (!node.extra?.parenthesized) return node.end;
  // the closing parenthesis after the node, past whitespace and comments
  const source = layout.text.text;
  let at = node.end;
  let depth = 0;
  const open = source.slice(outerStart(layout, node), node.start).split('(').length - 1;
  while (at < source.length && depth < open) {
    if (source[at] === ')') depth += 1;
    at += 1;
  }
  return at;
}

/** append statements at the end of a function literal's body (an expression body becomes a block) */
export function appendToFunction(layout: Layout, fn: any, lines: readonly string[]): Edit {
  const { text, style } = layout;
  if (fn.body.type !== 'BlockStatement') {
    return expressionBodyToBlock(layout, fn, [], (body) => statement(style, body), lines);
  }
  const block = fn.body;
  const statements = block.body;
  if (statements.length === 0) {
    const inner = text.indentOf(block.start) + style.indent;
    const eol = text.terminatorNear(block.start);
    return replaceRange(block.start, block.end, `{${eol}${lines.map((line) => `${inner}${line}`).join(eol)}${eol}${text.indentOf(block.start)}}`);
  }
  const lastStatement = statements[statements.length - 1];
  if (!text.startsLine(lastStatement.start) || text.positionAt(block.start).line === text.positionAt(block.end).line) {
    const source = text.text;
    if (style.semicolons || statements.every((each: any) => source[each.end - 1] === ';')) {
      // `() => { reject(err); }` on one line: stay on one line
      return insertAt(lastStatement.end, `${source[lastStatement.end - 1] === ';' ? '' : ';'} ${lines.join(' ')}`);
    }
    // `() => { reject(err) }` without semicolons: one statement a line, as the file would write more than one
    const outer = text.indentOf(block.start);
    const eol = text.terminatorNear(block.start);
    const body = [...statements.map((each: any) => source.slice(each.start, each.end)), ...lines].map((line) => `${outer}${style.indent}${line}`).join(eol);
    return replaceRange(block.start, block.end, `{${eol}${body}${eol}${outer}}`);
  }
  return insertLinesAfter(layout, lastStatement, lines);
}

/** put statements first in a function literal's body (an expression body becomes a block) */
export function prependToFunction(layout: Layout, fn: any, lines: readonly string[]): Edit {
  const { text, style } = layout;
  if (fn.body.type !== 'BlockStatement') return huggedFirstArgument(layout, fn, lines) ?? expressionBodyToBlock(layout, fn, lines, (body) => statement(style, body));
  const block = fn.body;
  const first = block.body[0];
  if (first === undefined) return appendToFunction(layout, fn, lines);
  if (text.startsLine(first.start) && text.positionAt(block.start).line !== text.positionAt(block.end).line) return insertLinesBefore(layout, first, lines);
  const source = text.text;
  const ended = style.semicolons || block.body.every((each: any) => source[each.end - 1] === ';');
  // `() => { reject(err); }` on one line, one simple statement to add: stay on one line
  if (ended && lines.length === 1 && !/[{}]/.test(lines[0])) return insertAt(first.start, `${lines[0]} `);
  // otherwise one statement a line; without semicolons, a statement that now follows ours and starts
  // with `(`, `[`, `` ` ``… gets its `;` (it would continue our line)
  const outer = text.indentOf(block.start);
  const eol = text.terminatorNear(block.start);
  const kept = block.body.map((each: any) => source.slice(each.start, each.end)).map((code: string) => (ended ? code : guardedLine(style, code)));
  const body = [...lines, ...kept].map((line) => `${outer}${style.indent}${line}`).join(eol);
  return replaceRange(block.start, block.end, `{${eol}${body}${eol}${outer}}`);
}

// `setTimeout(\n  () => reject(err),\n  ms\n)`, its arguments one a line because they did not fit on one: with
// the arrow's body a block, the call is written as a formatter (and most hands) write it,
// `setTimeout(() => {\n  …\n}, ms)`. Only for a one-line body, a last argument on one line, no comments
// in the call, and lines that fit the width; undefined otherwise.
function huggedFirstArgument(layout: Layout, fn: any, lines: readonly string[]): Edit | undefined {
  const { text, style, tree } = layout;
  const call = tree.parent(fn);
  if (call?.type !== 'CallExpression' || call.arguments.length !== 2 || call.arguments[0] !== fn || fn.type !== 'ArrowFunctionExpression') return undefined;
  const last = call.arguments[1];
  // a last argument a formatter keeps beside the block: one line of anything but what it would break itself
  if (['ArrowFunctionExpression', 'FunctionExpression', 'ObjectExpression', 'ArrayExpression', 'TemplateLiteral', 'ConditionalExpression'].includes(unwrap(last).type) || !text.startsLine(outerStart(layout, fn))) return undefined;
  const source = text.text;
  const open = source.indexOf('(', (call.typeArguments ?? call.typeParameters ?? call.callee).end);
  const inside = source.slice(open + 1, call.end - 1);
  if (open < 0 || /\/\/|\/\*/.test(inside)) return undefined;
  const body = source.slice(outerStart(layout, fn.body), outerEnd(layout, fn.body));
  const lastText = source.slice(last.start, last.end);
  if (/[\n\r]/.test(body) || /[\n\r]/.test(lastText)) return undefined;
  const outer = text.indentOf(call.start);
  const inner = outer + style.indent;
  const eol = text.terminatorNear(call.start);
  const head = source.slice(fn.start, source.lastIndexOf('=>', fn.body.start) + 2);
  const written = [...lines, statement(style, body)].map((line) => `${inner}${line}`);
  const firstLine = source.slice(text.lineStartOf(call.start), open + 1) + `${head} {`;
  const lastLine = `${outer}}, ${lastText})`;
  if ([firstLine, ...written, lastLine].some((line) => lineWidth(style, line) > style.printWidth)) return undefined;
  return replaceRange(open + 1, call.end - 1, `${head} {${eol}${written.join(eol)}${eol}${outer}}, ${lastText}`);
}

/** delete a statement that stands on lines of its own, with the comment lines right above it */
export function deleteStatement(layout: Layout, statementNode: any): Edit {
  return { ...deletion(layout, statementNode), drop: true };
}

function deletion(layout: Layout, statementNode: any): Edit {
  const { text } = layout;
  if (!text.startsLine(statementNode.start)) return replaceRange(statementNode.start, statementNode.end, '');
  const from = leadingCommentsStart(layout, statementNode);
  const after = text.text.slice(statementNode.end, text.lineEndOf(statementNode.end)).trim();
  if (after !== '') return replaceRange(from, statementNode.end, '');
  const starts = text.lineStarts();
  const endLine = text.positionAt(statementNode.end).line;
  let to = endLine < starts.length ? starts[endLine] : text.text.length;
  // a blank line on each side: one of them goes too, so no double blank line is left
  const isBlankLine = (line: number) => line >= 1 && line <= starts.length && text.text.slice(starts[line - 1], text.lineEndOf(starts[line - 1])).trim() === '';
  const firstLine = text.positionAt(from).line;
  if (isBlankLine(firstLine - 1) && isBlankLine(endLine + 1) && endLine + 1 < starts.length) to = starts[endLine + 1];
  // the file's first statement: the blank line after it goes too, so the file does not start with one
  else if (text.text.slice(0, from).trim() === '' && isBlankLine(endLine + 1) && endLine + 1 < starts.length) to = starts[endLine + 1];
  return replaceRange(from, to, '');
}

/** `call(a)` → `call(a, <argument>)`, on the call's own line layout */
export function appendArgument(layout: Layout, call: any, argument: string): Edit {
  const source = layout.text.text;
  const last = call.arguments.at(-1);
  if (!last) {
    const open = source.indexOf('(', call.callee.end + (call.typeArguments || call.typeParameters ? (call.typeArguments ?? call.typeParameters).end - call.callee.end : 0));
    return insertAt(open + 1, argument);
  }
  const lastEnd = outerEnd(layout, last);
  const { text, style } = layout;
  // arguments a line each: the new one gets a line of its own, with the file's trailing-comma habit
  const lastStart = outerStart(layout, last);
  if (text.startsLine(lastStart) && (call.arguments.length === 1 || text.startsLine(outerStart(layout, call.arguments[0])))) {
    const between = source.slice(lastEnd, call.end - 1);
    const hasTrailingComma = /^\s*,/.test(between);
    const at = hasTrailingComma ? lastEnd + between.indexOf(',') + 1 : lastEnd;
    const comma = hasTrailingComma || style.trailingCommasInCalls ? ',' : '';
    return insertAt(at, `${hasTrailingComma ? '' : ','}${text.terminatorNear(lastStart)}${text.indentOf(lastStart)}${argument}${comma}`);
  }
  return insertAt(lastEnd, `, ${argument}`);
}

// `{ a: 1 }` → `{ a: 1, signal: x }`; a literal broken over lines gets a line of its own, with the
// file's trailing-comma habit.
export function appendProperty(layout: Layout, object: any, property: string): Edit {
  const { text, style } = layout;
  const source = text.text;
  const properties = object.properties;
  if (properties.length === 0) return replaceRange(object.start, object.end, objectLiteral(style, property));
  const last = properties[properties.length - 1];
  const multiline = text.positionAt(object.start).line !== text.positionAt(object.end).line;
  const between = source.slice(last.end, object.end - 1);
  const hasTrailingComma = /^\s*,/.test(between);
  if (!multiline) {
    return hasTrailingComma ? insertAt(last.end + between.indexOf(',') + 1, ` ${property}`) : insertAt(last.end, `, ${property}`);
  }
  const indent = text.indentOf(last.start);
  const eol = text.terminatorNear(last.start);
  const comma = hasTrailingComma || style.trailingCommas ? ',' : '';
  const at = hasTrailingComma ? last.end + between.indexOf(',') + 1 : last.end;
  return insertAt(at, `${hasTrailingComma ? '' : ','}${eol}${indent}${property}${comma}`);
}

// The lines from `start` (a line's start) to `end`, each moved right by `unit`, except lines that
// begin inside a template literal (their text is the program's data) and blank lines.
export function indentLines(layout: Layout, start: number, end: number, unit: string): string {
  const source = layout.text.text.slice(start, end);
  const templates = templateRanges(layout.tree, start, end);
  const pieces = source.split(EDITOR_LINE_BREAK);
  let offset = start;
  let result = '';
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index];
    if (index % 2 === 0 && piece.trim() !== '' && !templates.some(([from, to]) => offset > from && offset < to)) result += unit + piece;
    else result += piece;
    offset += piece.length;
  }
  return result;
}

/**
 * `statements` (consecutive, on lines of their own) → `try {\n  statements\n} finally {\n  <finalizer>\n}`.
 * `drop` are statements among them, each on lines of its own, that the finalizer makes redundant:
 * their lines go, and a blank line after one that also had a blank line before it.
 */
/** a line break to put after a block ending at `end`, where lint wants a blank line before the code that follows */
export function blankLineAfter(layout: Layout, end: number, wanted: boolean): string {
  if (!wanted) return '';
  const { text } = layout;
  const lineEnd = text.lineEndOf(end);
  if (text.text.slice(end, lineEnd).trim() !== '') return '';
  const eol = text.terminatorNear(end);
  const nextStart = lineEnd + (text.text.startsWith('\r\n', lineEnd) ? 2 : 1);
  if (nextStart > text.text.length) return '';
  const nextLine = text.text.slice(nextStart, text.lineEndOf(nextStart)).trim();
  return nextLine === '' || nextLine.startsWith('}') || nextLine.startsWith(')') ? '' : eol;
}

/** the comment lines right above a statement, each trimmed (a block comment's inner lines keep one space before their `*`) */
export function leadingCommentLines(layout: Layout, statementNode: any): string[] {
  const { text } = layout;
  const from = leadingCommentsStart(layout, statementNode);
  const to = text.lineStartOf(statementNode.start);
  if (from >= to) return [];
  return text.text.slice(from, to).split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '').map((line) => (line.startsWith('*') ? ` ${line}` : line));
}

/** whether wrapInTryFinally can drop `statement` of `statements`: on lines of its own, neither the first nor the last */
export function isDroppable(layout: Layout, statements: readonly any[], statement: any): boolean {
  const { text } = layout;
  if (statement === statements[0] || statement === statements[statements.length - 1]) return false;
  return text.startsLine(statement.start) && text.text.slice(statement.end, text.lineEndOf(statement.end)).trim() === '';
}

export function wrapInTryFinally(layout: Layout, statements: readonly any[], finalizer: readonly string[], drop: readonly any[] = [], blankAfter = false, clause = 'finally'): Edit {
  const { text, style } = layout;
  const first = statements[0];
  const last = statements[statements.length - 1];
  const indent = text.indentOf(first.start);
  const eol = text.terminatorNear(first.start);
  const from = leadingCommentsStart(layout, first);
  const to = text.lineEndOf(last.end);
  const starts = text.lineStarts();
  const isBlankLine = (line: number) => line >= 1 && line <= starts.length && text.text.slice(starts[line - 1], text.lineEndOf(starts[line - 1])).trim() === '';
  const cuts: Array<[number, number]> = [];
  for (const statement of [...drop].sort((a, b) => a.start - b.start)) {
    // the comment lines right above a dropped statement go with it (the caller may keep them)
    const firstLine = text.positionAt(Math.max(leadingCommentsStart(layout, statement), first.end)).line;
    const lastLine = text.positionAt(statement.end).line;
    if (!isDroppable(layout, statements, statement)) continue;
    const endLine = isBlankLine(firstLine - 1) && isBlankLine(lastLine + 1) ? lastLine + 1 : lastLine;
    cuts.push([starts[firstLine - 1], starts[endLine] ?? to]);
  }
  let body = '';
  let at = from;
  for (const [cutFrom, cutTo] of cuts) {
    body += indentLines(layout, at, cutFrom, style.indent);
    at = cutTo;
  }
  body += indentLines(layout, at, to, style.indent);
  const closing = `${indent}${closeAndOpen(style, clause, indent, eol)}${eol}${finalizer.map((line) => `${indent}${style.indent}${line}`).join(eol)}${eol}${indent}}`;
  return replaceRange(from, to, `${indent}try {${eol}${body}${eol}${closing}${blankLineAfter(layout, to, blankAfter)}`);
}

// `code`, one line at `indent` past the print width, parsed alone: its one statement, or undefined
// (it fits, is not one statement, holds a comment, or does not parse alone)
function tooLongStatement(style: Style, indent: string, code: string): any | undefined {
  if (/[\n\r]/.test(code) || lineWidth(style, `${indent}${code}`) <= style.printWidth) return undefined;
  let file: any;
  try {
    file = parseSource('line.ts', code);
  } catch {
    return undefined;
  }
  return file.program.body.length === 1 && (file.comments?.length ?? 0) === 0 ? file.program.body[0] : undefined;
}

/**
 * A statement of one line that assigns or declares a call (`timerHandle = setTimeout(…);`, `const
 * t = setTimeout(…)`) as Prettier lays it out at `indent` when the line would not fit in the print
 * width: the call's arguments one to a line, then `)` at `indent`. Undefined when the line fits, or
 * where Prettier would lay it out otherwise or this cannot tell: the call must have two or more
 * arguments, the first not a function with a block body and the last not a function, an object,
 * an array or a template (which Prettier hugs instead), no comment, and each argument must fit on
 * its own line.
 */
export function brokenCallStatement(style: Style, indent: string, code: string, eol: string): string | undefined {
  const only = tooLongStatement(style, indent, code);
  if (!only) return undefined;
  const value =
    only.type === 'ExpressionStatement' && only.expression.type === 'AssignmentExpression' ? only.expression.right
    : only.type === 'VariableDeclaration' && only.declarations.length === 1 ? only.declarations[0].init
    : undefined;
  const call = value?.type === 'CallExpression' ? value : undefined;
  const args: any[] = call?.arguments ?? [];
  if (!call || args.length < 2 || call.end !== value.end) return undefined;
  const bare = (node: any): any => (node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression' ? bare(node.expression) : node);
  // Prettier hugs a first argument that is a function with a block body, and a last one that is a
  // function, an object, an array or a template
  const first = bare(args[0]);
  const last = bare(args[args.length - 1]);
  const huggedFirst = first.type === 'FunctionExpression' || (first.type === 'ArrowFunctionExpression' && first.body.type === 'BlockStatement');
  const huggedLast = isFunction(last) || ['ObjectExpression', 'ArrayExpression', 'TemplateLiteral'].includes(last.type);
  if (huggedFirst || huggedLast || args.some((arg) => arg.type === 'SpreadElement' || arg.extra?.parenthesized)) return undefined;
  const inner = indent + style.indent;
  const lines = args.map((arg, index) => `${inner}${code.slice(arg.start, arg.end)}${index < args.length - 1 || style.trailingCommasInCalls ? ',' : ''}`);
  if (lines.some((line) => lineWidth(style, line) > style.printWidth)) return undefined;
  // the callee and `(` as written (`setTimeout(`, `globalThis.setTimeout(`), and what follows `)`
  const head = code.slice(0, args[0].start).replace(/\s+$/, '');
  const tail = code.slice(call.end);
  if (!head.endsWith('(') || !/^;?\s*$/.test(tail)) return undefined;
  return `${head}${eol}${lines.join(eol)}${eol}${indent})${tail.trimEnd()}`;
}

/**
 * A statement of one line whose outermost call is `.finally(() => clear(h))` (`await
 * Promise.race([…]).finally(() => clearTimeout(h));`, `return …`, `const x = await …`) as Prettier
 * lays it out at `indent` when that line would not fit: the arrow's body on a line of its own
 * (`.finally(() =>` + the body + `);`), or else the arrow on a line of its own (`.finally(` + the
 * arrow + `);`), each where its lines fit. Undefined when neither fits (Prettier then breaks the race
 * itself), the line fits, or it is not that statement.
 */
export function brokenFinallyStatement(style: Style, indent: string, code: string, eol: string): string | undefined {
  const only = tooLongStatement(style, indent, code);
  if (!only) return undefined;
  let value =
    only.type === 'ExpressionStatement' ? only.expression
    : only.type === 'ReturnStatement' ? only.argument
    : only.type === 'VariableDeclaration' && only.declarations.length === 1 ? only.declarations[0].init
    : undefined;
  if (value?.type === 'AwaitExpression') value = value.argument;
  const arrow = value?.type === 'CallExpression' && value.callee.type === 'MemberExpression' && !value.callee.computed && value.callee.property.name === 'finally' && value.arguments.length === 1 ? value.arguments[0] : undefined;
  if (arrow?.type !== 'ArrowFunctionExpression' || arrow.params.length > 0 || arrow.async || arrow.body.type !== 'CallExpression' || arrow.extra?.parenthesized) return undefined;
  const tail = code.slice(value.end);
  if (!/^;?\s*$/.test(tail) || code.slice(arrow.end, value.end).trim() !== ')') return undefined;
  const inner = indent + style.indent;
  const comma = style.trailingCommasInCalls ? ',' : '';
  const fits = (line: string) => lineWidth(style, line) <= style.printWidth;
  const beforeBody = code.slice(0, arrow.body.start).trimEnd();
  const body = code.slice(arrow.body.start, arrow.body.end);
  if (beforeBody.endsWith('=>') && fits(`${indent}${beforeBody}`) && fits(`${inner}${body}${comma}`)) return `${beforeBody}${eol}${inner}${body}${comma}${eol}${indent})${tail.trimEnd()}`;
  const beforeArrow = code.slice(0, arrow.start).trimEnd();
  const arrowText = code.slice(arrow.start, arrow.end);
  if (beforeArrow.endsWith('(') && fits(`${indent}${beforeArrow}`) && fits(`${inner}${arrowText}${comma}`)) return `${beforeArrow}${eol}${inner}${arrowText}${comma}${eol}${indent})${tail.trimEnd()}`;
  return undefined;
}

/**
 * The lines of `text` (a fixed file) that are not lines of `source` and no longer fit in the print
 * width, broken where they are a call assigned or declared (`timerHandle = setTimeout(…);` once the
 * handle is kept), or end in `.finally(() => clear(h))`: as Prettier would break them
 * (brokenCallStatement, brokenFinallyStatement). Only whitespace inside the
 * call's parentheses changes; lines of the original, a template's included, stay as they are. The
 * width is the formatter's where its config says it (Style.widthFrom); with no formatter, no
 * narrower than the longest line of code the file has; with a formatter whose width this cannot
 * read, nothing is broken.
 */
export function fitNewLines(path: string, source: string, text: string, style: Style): string {
  const lines = source.split(/\r\n|\n|\r/);
  const before = new Set(lines);
  // with no formatter's width to go by, the file's own: no new line is broken that is no longer
  // than a line of code the file already has
  // (a formatter whose width this cannot read: nothing is broken, the width is not known)
  if (style.widthFrom === 'unknown') return text;
  const longest = style.widthFrom !== 'file' ? 0 : lines.reduce((most, line) => (/^\s*(?:\/\/|\/\*|\*)/.test(line) ? most : Math.max(most, lineWidth(style, line))), 0);
  const width = Math.max(style.printWidth, longest);
  const fitted = width === style.printWidth ? style : { ...style, printWidth: width };
  const parts = text.split(/(\r\n|\n|\r)/);
  // each new line too long, and how Prettier would break it
  const broken = new Map<number, string>();
  for (let index = 0; index < parts.length; index += 2) {
    if (before.has(parts[index]) || lineWidth(fitted, parts[index]) <= fitted.printWidth) continue;
    const [, indent, code] = /^([ \t]*)(.*)$/.exec(parts[index])!;
    const eol = parts[index + 1] ?? parts[index - 1] ?? '\n';
    const relaid = brokenCallStatement(fitted, indent, code, eol) ?? brokenFinallyStatement(fitted, indent, code, eol);
    if (relaid !== undefined) broken.set(index, `${indent}${relaid}`);
  }
  if (broken.size === 0) return text;
  // only a line that is a whole statement of the output (not a line of a comment or a template)
  const statements = new Set<number>();
  try {
    walkNodes(parseSource(path, text).program, (node: any) => {
      if (node.type === 'ExpressionStatement' || node.type === 'VariableDeclaration' || node.type === 'ReturnStatement') statements.add(node.start);
    });
  } catch {
    return text;
  }
  let offset = 0;
  let changed = false;
  for (let index = 0; index < parts.length; index += 1) {
    const relaid = broken.get(index);
    const start = offset;
    offset += parts[index].length;
    if (relaid === undefined || !statements.has(start + /^[ \t]*/.exec(parts[index])![0].length)) continue;
    parts[index] = relaid;
    changed = true;
  }
  return changed ? parts.join('') : text;
}
