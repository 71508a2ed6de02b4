// The safety net on every rewritten file, before it is written or diffed: what the program holds as
// data — the value of every string literal, template chunk (raw and cooked) and regular expression,
// and every comment — must be in the output as it was, unless a fix removed it on purpose (a clear
// it made redundant, an import it left unused). Fixes are text edits, so the bytes outside them are
// the original's by construction; this checks what the edits themselves carry, re-indented lines
// above all. A difference refuses the whole file, with the first difference.
import { walkNodes } from '../analysis/tree';
import { parseSource } from './parse';

/** a value of the original that the output does not hold, and where it is */
export interface NetProblem {
  what: string;
  offset: number;
}

interface Token {
  key: string;
  start: number;
  end: number;
  describe: string;
}

function tokensOf(path: string, text: string): Token[] {
  const file = parseSource(path, text);
  const tokens: Token[] = [];
  walkNodes(file.program, (node) => {
    const at = { start: node.start, end: node.end };
    if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) tokens.push({ key: `string\u0000${node.value}`, ...at, describe: 'a string' });
    else if (node.type === 'TemplateElement') tokens.push({ key: `template\u0000${node.value.raw}\u0000${node.value.cooked}`, ...at, describe: 'a template literal' });
    else if (node.type === 'RegExpLiteral' || (node.type === 'Literal' && node.regex)) tokens.push({ key: `regexp\u0000${node.pattern ?? node.regex.pattern}\u0000${node.flags ?? node.regex.flags}`, ...at, describe: 'a regular expression' });
  });
  // a line comment's trailing blanks are layout, not what it says: a comment moved by a fix (into a
  // finally) is written without them
  for (const comment of file.comments ?? []) tokens.push({ key: `comment\u0000${comment.type === 'CommentLine' || comment.type === 'Line' ? comment.value.trimEnd() : comment.value}`, start: comment.start, end: comment.end, describe: 'a comment' });
  return tokens;
}

/**
 * `dropped`: ranges of the original the fixes removed on purpose. Undefined when everything the
 * original holds as data is in the output; else the first value that is not.
 */
export function checkRewrite(path: string, original: string, output: string, dropped: ReadonlyArray<readonly [number, number]>): NetProblem | undefined {
  let before: Token[];
  let after: Token[];
  try {
    before = tokensOf(path, original);
    after = tokensOf(path, output);
  } catch (error) {
    return { what: `the output does not parse (${(error as Error).message})`, offset: 0 };
  }
  const available = new Map<string, number>();
  for (const token of after) available.set(token.key, (available.get(token.key) ?? 0) + 1);
  const isDropped = (token: Token) => dropped.some(([from, to]) => token.start >= from && token.end <= to);
  for (const token of before.sort((a, b) => a.start - b.start)) {
    const count = available.get(token.key) ?? 0;
    if (count > 0) {
      available.set(token.key, count - 1);
      continue;
    }
    if (isDropped(token)) continue;
    return { what: `${token.describe} (\`${original.slice(token.start, Math.min(token.end, token.start + 40)).replace(/\s+/g, ' ')}\`) would change`, offset: token.start };
  }
  return undefined;
}
