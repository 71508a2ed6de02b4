// Which jscodeshift parser reads a file. A transform's exported `parser` cannot see the file name,
// so every transform calls `chooseParser(file)` and builds its own `j` with `withParser`.
//   .ts                     → ts   (the tsx grammar would read `<T>x` casts as JSX)
//   .tsx .js .jsx .mjs .cjs → tsx  (a superset of modern JS with JSX)
//   JS carrying an @flow pragma → flow
export type ParserName = 'ts' | 'tsx' | 'flow';

const FLOW_PRAGMA = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:\/\/|\/\*+)\s*@flow\b/;

export function chooseParser(path: string, source: string): ParserName {
  if (/\.(?:c|m)?ts$/i.test(path) && !/\.d\.ts$/i.test(path)) return 'ts';
  if (/\.d\.ts$/i.test(path)) return 'ts';
  if (/\.tsx$/i.test(path)) return 'tsx';
  if (FLOW_PRAGMA.test(source)) return 'flow';
  return 'tsx';
}

export function isTypeScriptPath(path: string): boolean {
  return /\.(?:c|m)?tsx?$/i.test(path);
}
