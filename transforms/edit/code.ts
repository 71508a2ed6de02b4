// The code fixes write, as text in the file's style. Each builder shows what it writes.
import type { Project } from '../engine/project';
import type { Style } from '../engine/style';
import { type Layout, statement } from './layout';

// let timerHandle: ReturnType<typeof setTimeout>;     (JavaScript: let timerHandle;)
// No `| undefined`: the handle is assigned before any clear can run (the executor runs at once),
// and `clearTimeout(h)` of @types/node before v16 takes no undefined.
// (`window.setTimeout` gives lib.dom's number: `ReturnType<typeof window.setTimeout>` would be Node's
// Timeout where @types/node is loaded too, its overloads merged into the window's)
export function declareHandle(style: Style, typescript: boolean, name: string, typeQuery: string): string {
  const type = /^(?:window|self)\.setTimeout$/.test(typeQuery) ? 'number' : `ReturnType<typeof ${typeQuery}>`;
  return statement(style, typescript ? `let ${name}: ${type}` : `let ${name}`);
}

// const fetchController = new AbortController();
export function declareController(style: Style, name: string): string {
  return statement(style, `const ${name} = new AbortController()`);
}

// What runs once a promise has settled, chained on it at `at` (for the indentation):
//   .finally(() => clearTimeout(h))                     one call, where the project allows both
//   .finally(() => {\n  clearTimeout(h);\n  c.abort();\n})  several, or no void arrow shorthand
//   .then(\n  (value) => {…; return value;},\n  (error) => {…; throw error;},\n)   no Promise.prototype.finally
// With `block`, never the shorthand: `.finally(() => x.stop())` would wait for what `stop()` returns.
// With `insertion` (where the call goes): a chain that goes on at the next line
// (`Promise.race([…])\n    .then(…)`) gets the new call on a line of its own there, at that indentation;
// with `ownLineAt`, on a line of its own at that indentation.
export function onSettled(layout: Layout, project: Project, lines: readonly string[], at: number, block = false, insertion?: number, ownLineAt?: string): string {
  const { text, style } = layout;
  const next = insertion === undefined || ownLineAt !== undefined ? null : /^[ \t]*\r?\n([ \t]*)\./.exec(text.text.slice(insertion));
  const outer = ownLineAt ?? (next ? next[1] : text.indentOf(at));
  const eol = text.terminatorNear(at);
  const unit = style.indent;
  const body = (indent: string, tail: string[] = []) => [...lines, ...tail].map((line) => `${indent}${statement(style, line)}`).join(eol);
  // a chain laid out one call a line (`\n    .then(…)`) gets the new call on a line of its own
  const ownLine = ownLineAt !== undefined || next || text.text.slice(text.lineStartOf(at), at).trimStart().startsWith('.') ? `${eol}${outer}` : '';
  return ownLine + settledCall();

  function settledCall(): string {
    if (!project.promiseFinally) {
      const comma = style.trailingCommasInCalls ? ',' : '';
      const handler = (param: string, last: string) => `${outer}${unit}(${param}) => {${eol}${body(outer + unit + unit, [last])}${eol}${outer}${unit}}`;
      return `.then(${eol}${handler('value', 'return value')},${eol}${handler('error', 'throw error')}${comma}${eol}${outer})`;
    }
    if (lines.length === 1 && project.voidArrowShorthand && !block) return `.finally(() => ${lines[0]})`;
    return `.finally(() => {${eol}${body(outer + unit)}${eol}${outer}})`;
  }
}
