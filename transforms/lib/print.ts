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

export function printRoot(root: Collection<unknown>, source: string): string {
  const lineTerminator = detectLineTerminator(source);
  const printed = root.toSource({ lineTerminator, quote: detectQuote(source) });
  // recast keeps untouched lines verbatim; lines it reprints get its terminator, which we set above.
  return printed;
}
