// Unified line diffs (`diff -u` / `git diff` format) for the dry run.
// Myers' O(ND) algorithm on the lines between the common prefix and suffix: a codemod changes a few
// lines of a file, so D is small and the trimmed middle is short.

export type EditKind = ' ' | '-' | '+';

export interface Edit {
  kind: EditKind;
  text: string;
}

interface SplitText {
  lines: string[];
  /** false when the text does not end with a line break (`\ No newline at end of file`) */
  endsWithNewline: boolean;
}

// Lines keep a trailing '\r', so CRLF → LF counts as a change. The plain printer keeps it too, or
// `git apply` of a CRLF file's diff finds no context line that matches; colors (a terminal) drop it.
function splitLines(text: string): SplitText {
  if (text === '') return { lines: [], endsWithNewline: true };
  const lines = text.split('\n');
  const endsWithNewline = lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  return { lines, endsWithNewline };
}

// The shortest edit script from `before` to `after`, as a list of kept, removed and added lines.
export function diffLines(before: readonly string[], after: readonly string[]): Edit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  const middle = myers(a, b);
  const edits: Edit[] = [];
  for (let i = 0; i < prefix; i++) edits.push({ kind: ' ', text: before[i] });
  edits.push(...middle);
  for (let i = before.length - suffix; i < before.length; i++) edits.push({ kind: ' ', text: before[i] });
  return edits;
}

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ kind: '+', text }));
  if (m === 0) return a.map((text) => ({ kind: '-', text }));
  const max = n + m;
  const offset = max;
  // furthest[k + offset] = furthest x reached on diagonal k; one snapshot per D for the backtrack.
  let furthest = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(furthest.slice());
    const next = furthest;
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && next[k - 1 + offset] < next[k + 1 + offset])) {
        x = next[k + 1 + offset];
      } else {
        x = next[k - 1 + offset] + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[k + offset] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    furthest = next;
  }

  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? k + 1 : k - 1;
    const prevX = v[prevK + offset];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ kind: ' ', text: a[x - 1] });
      x--;
      y--;
    }
    if (x === prevX) edits.push({ kind: '+', text: b[y - 1] });
    else edits.push({ kind: '-', text: a[x - 1] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    edits.push({ kind: ' ', text: a[x - 1] });
    x--;
    y--;
  }
  return edits.reverse();
}

export interface DiffColors {
  header(text: string): string;
  hunk(text: string): string;
  removed(text: string): string;
  added(text: string): string;
}

const plain: DiffColors = {
  header: (text) => text,
  hunk: (text) => text,
  removed: (text) => text,
  added: (text) => text,
};

export const ansiColors: DiffColors = {
  header: (text) => `\x1b[1m${text}\x1b[22m`,
  hunk: (text) => `\x1b[36m${text}\x1b[39m`,
  removed: (text) => `\x1b[31m${text}\x1b[39m`,
  added: (text) => `\x1b[32m${text}\x1b[39m`,
};

const NO_NEWLINE = '\\ No newline at end of file';

// Git's quoting of a path in a patch header: C escapes inside double quotes, for the characters that
// would end or confuse the name (control characters, '"', '\\'); other text, UTF-8 included, as is.
function patchPath(prefix: string, path: string): string {
  if (!/[\x00-\x1f\x7f"\\]/.test(path)) return `${prefix}${path}`;
  const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };
  const escaped = `${prefix}${path}`.replace(/[\x00-\x1f\x7f"\\]/g, (char) => named[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `"${escaped}"`;
}

export interface DiffOptions {
  /** lines of context around each change (3, as git and diff -u) */
  context?: number;
  colors?: DiffColors;
  /** the file starts with a BOM that `before` and `after` do not hold: the patch must match it */
  bom?: boolean;
}

// `--- a/path` / `+++ b/path` and @@ hunks with `context` lines around each change; '' when equal.
// The text is a patch: `git apply` (or `patch -p1`) of it gives `after`, byte for byte.
export function unifiedDiff(path: string, before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const colors = options.colors ?? plain;
  const keepCr = options.colors === undefined || options.colors === plain;
  const bom = options.bom ? '\uFEFF' : '';
  const old = splitLines(bom + before);
  const neu = splitLines(bom + after);
  const edits = diffLines(old.lines, neu.lines);
  // A change of the final line break alone shows as the last line removed and re-added.
  if (old.endsWithNewline !== neu.endsWithNewline && old.lines.length > 0 && neu.lines.length > 0) {
    const last = edits.length - 1;
    if (edits[last].kind === ' ') {
      edits.splice(last, 1, { kind: '-', text: edits[last].text }, { kind: '+', text: edits[last].text });
    }
  }

  // Positions (old line, new line) before each edit, to number the hunks.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const edit of edits) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (edit.kind !== '+') oldLine++;
    if (edit.kind !== '-') newLine++;
  }

  const changed = edits.map((edit, index) => (edit.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out: string[] = [colors.header(`--- ${patchPath('a/', path)}`), colors.header(`+++ ${patchPath('b/', path)}`)];
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * context + 1) end++;
    const from = Math.max(0, changed[start] - context);
    const to = Math.min(edits.length, changed[end] + context + 1);
    let oldCount = 0;
    let newCount = 0;
    for (let i = from; i < to; i++) {
      if (edits[i].kind !== '+') oldCount++;
      if (edits[i].kind !== '-') newCount++;
    }
    const oldStart = oldCount === 0 ? oldAt[from] : oldAt[from] + 1;
    const newStart = newCount === 0 ? newAt[from] : newAt[from] + 1;
    out.push(colors.hunk(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`));
    for (let i = from; i < to; i++) {
      const edit = edits[i];
      const text = edit.kind + (keepCr ? edit.text : edit.text.replace(/\r$/, ''));
      out.push(edit.kind === '-' ? colors.removed(text) : edit.kind === '+' ? colors.added(text) : text);
      const isLastOld = edit.kind !== '+' && oldAt[i] === old.lines.length - 1;
      const isLastNew = edit.kind !== '-' && newAt[i] === neu.lines.length - 1;
      if ((isLastOld && !old.endsWithNewline && edit.kind !== '+') || (isLastNew && !neu.endsWithNewline && edit.kind !== '-')) {
        out.push(NO_NEWLINE);
      }
    }
    start = end + 1;
  }
  return `${out.join('\n')}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

// The first line (1-based) where the two texts differ, for sites a transform did not locate itself.
export function firstChangedLine(before: string, after: string): number {
  const limit = Math.min(before.length, after.length);
  let line = 1;
  for (let i = 0; i < limit; i++) {
    if (before.charCodeAt(i) !== after.charCodeAt(i)) return line;
    if (before.charCodeAt(i) === 10) line++;
  }
  return line;
}
