// A fix is a list of text edits on the source, as an ESLint fixer's: every byte the fix does not
// mean to change stays as it was (indentation, line endings, trailing spaces, template literals),
// and an edit's positions are the file's own.
export interface Edit {
  /** offset of the first replaced character */
  start: number;
  /** offset after the last replaced character; equal to start for an insertion */
  end: number;
  text: string;
  /** the replaced text is removed on purpose (a statement the fix makes redundant): the safety net lets its data go */
  drop?: boolean;
}

export function insertAt(offset: number, text: string): Edit {
  return { start: offset, end: offset, text };
}

export function replaceRange(start: number, end: number, text: string): Edit {
  return { start, end, text };
}

// In order of position; insertions at one offset keep the order they were made in, and come before
// a replacement that starts there.
function sorted(edits: readonly Edit[]): Edit[] {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || Number(a.edit.end > a.edit.start) - Number(b.edit.end > b.edit.start) || a.order - b.order)
    .map(({ edit }) => edit);
}

/** whether two sets of edits touch the same characters (an insertion inside a replaced range counts) */
export function overlaps(a: readonly Edit[], b: readonly Edit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.start < y.end && y.start < x.end) return true;
      if (x.start === x.end && y.start < x.start && x.start < y.end) return true;
      if (y.start === y.end && x.start < y.start && y.start < x.end) return true;
      // two insertions at one offset from two fixes: their order would be a guess
      if (x.start === x.end && y.start === y.end && x.start === y.start) return true;
    }
  }
  return false;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = sorted(edits);
  let output = '';
  let at = 0;
  for (const edit of ordered) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    output += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return output + text.slice(at);
}

// The edits applied to a slice of the text, [start, end): the new text of the slice, and for each
// offset of it the offset of the original text it comes from (inserted text maps to where it was
// inserted). Used by fixes that build one edit from several (a block around edited code).
export function applyEditsInRange(text: string, start: number, end: number, edits: readonly Edit[]): { text: string; toOriginal(offset: number): number } {
  const inside = edits.filter((edit) => edit.start >= start && edit.end <= end);
  if (inside.length !== edits.length) throw new Error('an edit falls outside the range it is composed into');
  const ordered = sorted(inside);
  const pieces: Array<{ from: number; length: number; original: number; inserted: boolean }> = [];
  let output = '';
  let at = start;
  for (const edit of ordered) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    pieces.push({ from: output.length, length: edit.start - at, original: at, inserted: false });
    output += text.slice(at, edit.start);
    pieces.push({ from: output.length, length: edit.text.length, original: edit.start, inserted: true });
    output += edit.text;
    at = edit.end;
  }
  pieces.push({ from: output.length, length: end - at, original: at, inserted: false });
  output += text.slice(at, end);
  return {
    text: output,
    toOriginal(offset: number): number {
      for (const piece of pieces) {
        if (offset >= piece.from && offset < piece.from + piece.length) return piece.inserted ? piece.original : piece.original + (offset - piece.from);
      }
      return end;
    },
  };
}
