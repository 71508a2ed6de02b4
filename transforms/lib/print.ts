import type { Collection } from 'jscodeshift';

// recast prints '\n' for new code; a CRLF file must come back as CRLF, or every line shows in the diff.
export function detectLineTerminator(source: string): '\r\n' | '\n' {
  const crlf = source.indexOf('\r\n');
  const lf = source.indexOf('\n');
  return crlf !== -1 && crlf < lf ? '\r\n' : '\n';
}

// The most-used quote of the file's string literals, so inserted strings look like their neighbours.
export function detectQuote(source: string): 'single' | 'double' {
  const single = (source.match(/'/g) ?? []).length;
  const double = (source.match(/"/g) ?? []).length;
  return double > single ? 'double' : 'single';
}

// Whether the file writes `(x) => ...` rather than `x => ...`: recast reprints an arrow whose body
// changed, and would otherwise drop the parentheses of a lone parameter.
export function prefersArrowParens(source: string): boolean {
  const withParens = (source.match(/\(\s*[A-Za-z_$][\w$]*\s*\)\s*=>/g) ?? []).length;
  const withoutParens = (source.match(/(?:^|[=(,:?\s])[A-Za-z_$][\w$]*\s*=>/g) ?? []).length;
  return withParens >= withoutParens;
}

// recast keeps untouched lines verbatim; the lines it reprints follow the file's terminator and quotes.
export function printRoot(root: Collection<unknown>, source: string): string {
  return root.toSource({
    lineTerminator: detectLineTerminator(source),
    quote: detectQuote(source),
    arrowParensAlways: prefersArrowParens(source),
  });
}
