// The source text of a file: positions from offsets, lines with their own terminators, and the code
// a report quotes. Lines end at \r\n, \n, \r, U+2028 and U+2029, as the language (and ESLint) count
// them; columns are UTF-16 code units, so a tab is one column and an astral character two, as in
// ESLint, tsc and SARIF's default `columnKind`.
export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

export class SourceText {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** the offset at which each line begins */
  lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      LINE_BREAK.lastIndex = 0;
      for (let match = LINE_BREAK.exec(this.text); match !== null; match = LINE_BREAK.exec(this.text)) starts.push(match.index + match[0].length);
      this.starts = starts;
    }
    return this.starts;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  /** the offset where the line holding `offset` begins */
  lineStartOf(offset: number): number {
    const starts = this.lineStarts();
    return starts[this.positionAt(offset).line - 1];
  }

  /** the offset of the line's end, before its terminator */
  lineEndOf(offset: number): number {
    let at = offset;
    while (at < this.text.length && !isLineBreak(this.text.charCodeAt(at))) at += 1;
    return at;
  }

  /** the terminator of the line holding `offset`, or of the nearest line above that has one */
  terminatorNear(offset: number): string {
    const end = this.lineEndOf(offset);
    const own = terminatorAt(this.text, end);
    if (own !== '') return own;
    for (let at = this.lineStartOf(offset) - 1; at >= 0; at -= 1) {
      const code = this.text.charCodeAt(at);
      if (code === 10) return at > 0 && this.text.charCodeAt(at - 1) === 13 ? '\r\n' : '\n';
      if (code === 13) return '\r';
      if (code === 0x2028 || code === 0x2029) continue;
    }
    return '\n';
  }

  /** the whitespace a line begins with */
  indentOf(offset: number): string {
    const start = this.lineStartOf(offset);
    let at = start;
    while (at < this.text.length && (this.text[at] === ' ' || this.text[at] === '\t')) at += 1;
    return this.text.slice(start, at);
  }

  /** whether the statements from `first` to `last` have their lines to themselves (a trailing `//` comment aside) */
  ownsLines(first: { start: number }, last: { end: number }): boolean {
    const rest = this.text.slice(last.end, this.lineEndOf(last.end)).trim();
    return this.startsLine(first.start) && (rest === '' || rest.startsWith('//'));
  }

  /** whether only whitespace stands between the line's start and `offset` */
  startsLine(offset: number): boolean {
    for (let at = offset - 1; at >= 0; at -= 1) {
      const code = this.text.charCodeAt(at);
      if (isLineBreak(code)) return true;
      if (code !== 32 && code !== 9) return false;
    }
    return true;
  }
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function terminatorAt(text: string, at: number): string {
  const code = text.charCodeAt(at);
  if (code === 13) return text.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
  if (code === 10) return '\n';
  return '';
}

// A node's code on one line, cut at `max` characters: what a report quotes.
export function codeLine(text: string, node: { start?: number | null; end?: number | null } | undefined, max = 80): string {
  if (typeof node?.start !== 'number' || typeof node.end !== 'number') return '';
  const line = text.slice(node.start, node.end).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
