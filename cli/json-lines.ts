// JSON.parse that also says on which line each object key stands, so that a config error can
// point at its line. Strict JSON (RFC 8259): no comments, no trailing commas.
export class JsonError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface JsonWithLines {
  value: unknown;
  /** the line of each key, by its path: `/rules/race-timeout` */
  keyLines: Map<string, number>;
}

export function parseJsonWithLines(text: string): JsonWithLines {
  const keyLines = new Map<string, number>();
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const position = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset; index++) {
      if (text[index] === '\n') {
        line++;
        lineStart = index + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  const fail = (message: string, offset = at): never => {
    const { line, column } = position(offset);
    throw new JsonError(message, line, column);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const literal = (word: string, value: unknown) => {
    if (!text.startsWith(word, at)) fail(`unexpected ${JSON.stringify(text[at] ?? 'end of file')}`);
    at += word.length;
    return value;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      else if (text.charCodeAt(at) < 0x20) fail('a control character in a string');
      at++;
    }
    if (at >= text.length) fail('a string that never ends', start);
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail('a bad escape in a string', start);
    }
  };
  const number = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 64));
    if (!match) return fail(`unexpected ${JSON.stringify(text[at])}`);
    at += match[0].length;
    return Number(match[0]);
  };
  const value = (pointer: string): unknown => {
    skipSpace();
    const char = text[at];
    if (char === '{') return object(pointer);
    if (char === '[') return array(pointer);
    if (char === '"') return string();
    if (char === 't') return literal('true', true);
    if (char === 'f') return literal('false', false);
    if (char === 'n') return literal('null', null);
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    return fail(char === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(char)}`);
  };
  const object = (pointer: string): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    at++;
    skipSpace();
    if (text[at] === '}') {
      at++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail('expected a key in double quotes');
      const keyAt = at;
      const key = string();
      const keyPointer = `${pointer}/${key}`;
      if (keyLines.has(keyPointer)) fail(`the key "${key}" is given twice`, keyAt);
      keyLines.set(keyPointer, position(keyAt).line);
      skipSpace();
      if (text[at] !== ':') fail('expected ":" after the key');
      at++;
      result[key] = value(keyPointer);
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') {
        at++;
        return result;
      }
      fail('expected "," or "}"');
    }
  };
  const array = (pointer: string): unknown[] => {
    const result: unknown[] = [];
    at++;
    skipSpace();
    if (text[at] === ']') {
      at++;
      return result;
    }
    for (;;) {
      result.push(value(`${pointer}/${result.length}`));
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        return result;
      }
      fail('expected "," or "]"');
    }
  };

  const parsed = value('');
  skipSpace();
  if (at < text.length) fail('unexpected text after the end of the JSON value');
  return { value: parsed, keyLines };
}
