// The types TypeScript gives the parameters of an inline handler, for a fix that names it: in
// `app.on('exit', (code) => …)` the call types `code` (`number | null`), and `const onExit = (code)
// => …` would lose that. Asked only when such a fix is otherwise ready, of the TypeScript the file's
// own project installs (resolved from the file's folder up), with the nearest tsconfig.json above it;
// the file's text is the one being analysed (it need not be on disk: a fixture, a file read from
// git), its imports are read from disk as that project resolves them.
//
// A type is given only when it can be written at the handler as the checker prints it: no `any`
// (which may stand for a type the program could not resolve), no `import("…")` (a name not in scope
// there), nothing longer than a short line. Otherwise undefined, and the fix is refused as before.
import { dirname, resolve as resolvePath } from 'node:path';

type TS = any;

const MAX_TYPE = 60;
// the last program only (one holds the whole lib and the file's imports: a run over many files
// keeps one at a time), and the files it read from disk, parsed once a run: they do not change
// while the run reads them (it writes at the end)
let last: { file: string; ts: TS; program: any; text: string } | undefined;
const parsed = new Map<string, any>();
const compilers = new Map<string, TS | null>();

function typescriptFor(path: string): TS | undefined {
  const from = dirname(resolvePath(path));
  if (!compilers.has(from)) {
    let ts: TS | null = null;
    try {
      // the project's own compiler: its version reads its code and its tsconfig as its build does
      const entry = require.resolve('typescript', { paths: [from] });
      ts = require(entry);
    } catch {
      ts = null;
    }
    compilers.set(from, ts);
  }
  return compilers.get(from) ?? undefined;
}

function programFor(path: string, text: string): { ts: TS; program: any } | undefined {
  const file = resolvePath(path);
  if (last && last.file === file && last.text === text) return last;
  const ts = typescriptFor(file);
  if (!ts) return undefined;
  let options: any = { strict: true, noEmit: true, skipLibCheck: true };
  const config = ts.findConfigFile(dirname(file), ts.sys.fileExists, 'tsconfig.json');
  if (config) {
    const commandLine = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!commandLine) return undefined;
    options = { ...commandLine.options, noEmit: true, skipLibCheck: true };
  }
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name: string, language: any, ...rest: any[]) => {
    if (resolvePath(name) === file) return ts.createSourceFile(name, text, language, true);
    const key = `${ts.version}\0${JSON.stringify(language)}\0${resolvePath(name)}`;
    if (!parsed.has(key)) parsed.set(key, read(name, language, ...rest));
    return parsed.get(key);
  };
  let program: any;
  try {
    program = ts.createProgram({ rootNames: [file], options, host });
  } catch {
    return undefined;
  }
  last = { file, ts, program, text };
  return last;
}

/**
 * The type text of each parameter of the function at `start..end` of the file (an arrow or a
 * function expression), as the checker gives it there; undefined when one cannot be written so.
 */
export function parameterTypes(path: string, text: string, start: number, end: number): string[] | undefined {
  try {
    return typesOf(path, text, start, end);
  } catch {
    // a compiler that throws on this code (or a version that lacks an API used here): no type known
    return undefined;
  }
}

function typesOf(path: string, text: string, start: number, end: number): string[] | undefined {
  const found = programFor(path, text);
  if (!found) return undefined;
  const { ts, program } = found;
  const source = program.getSourceFile(resolvePath(path));
  if (!source) return undefined;
  let fn: any;
  const visit = (node: any) => {
    if (fn) return;
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.getStart(source) === start && node.end === end) fn = node;
    else if (node.pos <= start && node.end >= end) ts.forEachChild(node, visit);
  };
  visit(source);
  if (!fn) return undefined;
  const checker = program.getTypeChecker();
  const types: string[] = [];
  for (const parameter of fn.parameters) {
    if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken || parameter.initializer) return undefined;
    const type = checker.getTypeAtLocation(parameter.name);
    const printed: string = checker.typeToString(type, fn, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    if (!printed || printed.length > MAX_TYPE || /\bany\b|import\(|\{|=>/.test(printed) || type.flags & ts.TypeFlags.Any) return undefined;
    types.push(printed);
  }
  return types;
}
