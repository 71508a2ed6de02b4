// The types TypeScript gives the parameters of an inline handler, for a fix that names it: in
// `app.on('exit', (code) => …)` the call types `code` (`number | null`), and `const onExit = (code)
// => …` would lose that. Asked only when such a fix is otherwise ready, of the TypeScript the file's
// own project installs (resolved from the file's folder up), with the tsconfig.json that owns the
// file (the nearest above it, or the project it references that includes it, as `tsc -b` builds a
// solution); the file's text is the one being analysed (it need not be on disk: a fixture, a file
// read from git), its imports are read from disk as that project resolves them, and the config's
// own declaration files (`globals.d.ts`) are read with it.
//
// A type is given only when it can be written at the handler as the checker prints it: no `any`
// (it may stand for a type the program could not resolve), no `import("…")`, no inline object or
// function type, nothing longer than a short line; and only when, written on the handler's own
// parameters, it type-checks there as the file did: no error the file did not have (a name not in
// scope there, a type narrower than the call's). Otherwise undefined, and the fix is refused.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';

type TS = any;

const MAX_TYPE = 60;
// the most files of a project this reads for its augmentations: a larger one is not checked here,
// and a fix that needs the check is not made
const MAX_PROJECT_FILES = 20_000;
// the files the programs read from disk, each parsed once while it stays the same on disk (its
// modification time and size): a run reads the lib and the imports once; an editor's ESLint,
// whose process outlives the edits, reads a changed file again
const parsed = new Map<string, { stamp: string; source: any }>();

// A compiler host that reads the files `texts` holds as it holds them, and every other file through the cache.
function hostFor(ts: TS, options: any, texts: ReadonlyMap<string, string>): any {
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name: string, language: any, ...rest: any[]) => {
    const own = texts.get(resolvePath(name));
    if (own !== undefined) return ts.createSourceFile(name, own, language, true);
    let stamp = '';
    try {
      const stat = statSync(name);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      stamp = 'missing';
    }
    const key = `${ts.version}\0${JSON.stringify(language)}\0${resolvePath(name)}`;
    const cached = parsed.get(key);
    if (cached && cached.stamp === stamp) return cached.source;
    const source = read(name, language, ...rest);
    parsed.set(key, { stamp, source });
    return source;
  };
  return host;
}

// The roots a program of the file is made of: the file, its config's declaration files, and its
// config's other files that augment a module or the global scope (`declare module`, `declare
// global`), which change the types the file sees; its imports come in as the compiler resolves them
function rootsOf(file: string, config: { declarations: string[]; files: string[] }): string[] | undefined {
  if (config.files.length > MAX_PROJECT_FILES) return undefined;
  const augmenting = config.files.filter((name) => {
    if (/\.d\.[cm]?ts$/.test(name) || resolvePath(name) === file) return false;
    try {
      return /\bdeclare\s+(?:module|global)\b/.test(readFileSync(name, 'utf8'));
    } catch {
      return false;
    }
  });
  return [file, ...config.declarations.filter((name) => resolvePath(name) !== file), ...augmenting];
}
const compilers = new Map<string, TS | null>();

// The compiler's one file, loaded as Node loads it, past any require hook: under jscodeshift,
// @babel/register compiles every file it is asked for (node_modules too), and would spend seconds
// on typescript.js
function loadPlain(entry: string): TS {
  const cached = require.cache[entry];
  if (cached) return cached.exports;
  const Module = require('node:module');
  const loaded = new Module(entry, null);
  loaded.filename = entry;
  loaded.paths = Module._nodeModulePaths(dirname(entry));
  loaded._compile(readFileSync(entry, 'utf8'), entry);
  loaded.loaded = true;
  require.cache[entry] = loaded;
  return loaded.exports;
}

function typescriptFor(path: string): TS | undefined {
  const from = dirname(resolvePath(path));
  if (!compilers.has(from)) {
    let ts: TS | null = null;
    try {
      // the project's own compiler: its version reads its code and its tsconfig as its build does
      const entry = require.resolve('typescript', { paths: [from] });
      ts = loadPlain(entry);
    } catch {
      ts = null;
    }
    compilers.set(from, ts);
  }
  return compilers.get(from) ?? undefined;
}

// The parsed config that owns the file: the nearest tsconfig.json above it, or, when that one is a
// solution (`"files": []` with `references`), the referenced project whose files include it.
// Undefined when a solution's projects do not include it (which options would apply is not known).
function configFor(ts: TS, file: string): { options: any; declarations: string[]; files: string[] } | undefined {
  const read = (config: string) => ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const config = ts.findConfigFile(dirname(file), ts.sys.fileExists, 'tsconfig.json');
  if (!config) return { options: { strict: true }, declarations: [], files: [] };
  const owns = (commandLine: any) => commandLine.fileNames.some((name: string) => resolvePath(name) === file);
  const declarationsOf = (commandLine: any) => commandLine.fileNames.filter((name: string) => /\.d\.[cm]?ts$/.test(name));
  const root = read(config);
  if (!root) return undefined;
  const references: any[] = root.projectReferences ?? [];
  if (references.length > 0 && !owns(root)) {
    for (const reference of references) {
      const path = ts.resolveProjectReferencePath(reference);
      const project = path && ts.sys.fileExists(path) ? read(path) : undefined;
      if (project && owns(project)) return { options: project.options, declarations: declarationsOf(project), files: project.fileNames };
    }
    return undefined;
  }
  return { options: root.options, declarations: declarationsOf(root), files: root.fileNames };
}

// What a program of the file is made of, in the project that owns it: undefined when no TypeScript
// resolves for the file, no config owns it, or the project is too large to read for augmentations.
interface ProjectOf {
  ts: TS;
  file: string;
  options: any;
  roots: string[];
}

function projectOf(path: string): ProjectOf | undefined {
  const file = resolvePath(path);
  const ts = typescriptFor(file);
  if (!ts) return undefined;
  const config = configFor(ts, file);
  if (!config) return undefined;
  const roots = rootsOf(file, config);
  if (!roots) return undefined;
  // (a JavaScript file is read as the project would check it: `// @ts-check`, or its checkJs)
  const options = { ...config.options, noEmit: true, skipLibCheck: true, ...(/\.[cm]?jsx?$/.test(file) ? { allowJs: true } : {}) };
  return { ts, file, options, roots };
}

// A program of the project with the file as `text` holds it. (A fresh one each time, never one
// reusing the last: a source file of the same name and no version would be taken for the old one,
// and the old diagnostics given again.)
function programOf(project: ProjectOf, text: string): any {
  const { ts, file, options, roots } = project;
  return ts.createProgram({ rootNames: roots, options, host: hostFor(ts, options, new Map([[file, text]])) });
}

// the file's own diagnostics in `program`, as the comparison reads them
function diagnosticsOf(project: ProjectOf, program: any): string[] {
  const source = program.getSourceFile(project.file);
  if (!source) throw new Error('the file is not in its program');
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic: any) => diagnosticKey(project.ts, diagnostic));
}

/** text to insert into the file: `: number | null` after a parameter, or the parentheses a lone one then needs */
export interface Insertion {
  at: number;
  text: string;
}

/**
 * The annotations that give each untyped parameter of the function at `start..end` of the file (an
 * arrow or a function expression) the type the checker gives it there (none when every parameter
 * is typed); undefined when one cannot be written so.
 */
export function parameterAnnotations(path: string, text: string, start: number, end: number): Insertion[] | undefined {
  try {
    return annotationsOf(path, text, start, end);
  } catch {
    // a compiler that throws on this code (or a version that lacks an API used here): no type known
    return undefined;
  }
}

function findFunction(ts: TS, source: any, start: number, end: number): any {
  let fn: any;
  const visit = (node: any) => {
    if (fn) return;
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.getStart(source) === start && node.end === end) fn = node;
    else if (node.pos <= start && node.end >= end) ts.forEachChild(node, visit);
  };
  visit(source);
  return fn;
}

// Each type as printed must be writable, and written on the handler's own parameters where it
// stands the file must have no error it did not have (a name not in scope there, a type narrower
// than the call's). (Named as a const above the call, the handler then reads the same names from
// the scope around it: nothing the handler itself declares is in these types, it has no type
// parameters.)
function annotationsOf(path: string, text: string, start: number, end: number): Insertion[] | undefined {
  const project = projectOf(path);
  if (!project) return undefined;
  const { ts } = project;
  const program = programOf(project, text);
  const source = program.getSourceFile(project.file);
  if (!source) return undefined;
  const fn = findFunction(ts, source, start, end);
  if (!fn || fn.typeParameters) return undefined;
  const checker = program.getTypeChecker();
  const insertions: Insertion[] = [];
  for (const parameter of fn.parameters) {
    if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken || parameter.initializer) return undefined;
    if (parameter.type) continue;
    const type = checker.getTypeAtLocation(parameter.name);
    const printed: string = checker.typeToString(type, fn, ts.TypeFormatFlags.NoTruncation);
    if (!printed || printed.length > MAX_TYPE || /\bany\b|import\(|\{|=>/.test(printed) || type.flags & ts.TypeFlags.Any) return undefined;
    const bare = ts.isArrowFunction(fn) && fn.parameters.length === 1 && !text.slice(fn.getStart(source), parameter.getStart(source)).includes('(');
    if (bare) insertions.push({ at: parameter.getStart(source), text: '(' }, { at: parameter.end, text: `: ${printed})` });
    else insertions.push({ at: (parameter.questionToken ?? parameter.name).end, text: `: ${printed}` });
  }
  if (insertions.length === 0) return insertions;
  let typed = text;
  for (const insertion of [...insertions].sort((a, b) => b.at - a.at)) typed = typed.slice(0, insertion.at) + insertion.text + typed.slice(insertion.at);
  return noNewDiagnostic(diagnosticsOf(project, program), diagnosticsOf(project, programOf(project, typed))) ? insertions : undefined;
}

/**
 * Whether the rewritten file type-checks as the original did, in the project that owns it (with
 * its config's declaration files and the files that augment a module or the global scope, so an
 * augmentation elsewhere counts): no diagnostic it did not have, by code and message (a new name's
 * "Did you mean" aside), as many times. Undefined when this cannot tell (no TypeScript resolves for the
 * file, no config owns it, the project is too large, or the compiler throws).
 */
export function typesHold(path: string, before: string, after: string): boolean | undefined {
  try {
    const project = projectOf(path);
    if (!project) return undefined;
    return noNewDiagnostic(diagnosticsOf(project, programOf(project, before)), diagnosticsOf(project, programOf(project, after)));
  } catch {
    return undefined;
  }
}

// every diagnostic of `now` was one of `had` already, as many times
function noNewDiagnostic(had: readonly string[], now: readonly string[]): boolean {
  const left = [...had];
  return now.every((message) => {
    const index = left.indexOf(message);
    if (index === -1) return false;
    left.splice(index, 1);
    return true;
  });
}

// A diagnostic as the comparison reads it: its code and message, without the suggestion a new name
// nearby may add (`Cannot find name 'ready'. Did you mean 'onReady'?`, TS2552, is TS2304 with one)
function diagnosticKey(ts: TS, diagnostic: any): string {
  const SUGGESTING: Record<number, number> = { 2552: 2304, 2551: 2339, 2724: 2305, 2820: 2322 };
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').replace(/\s*Did you mean [^?]*\?/g, '');
  return `${SUGGESTING[diagnostic.code] ?? diagnostic.code} ${message}`;
}

/** a JavaScript file the project's TypeScript checks: `// @ts-check`, or `checkJs` in the config that owns it */
export function isTypeChecked(path: string, text: string): boolean {
  if (/^\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*\/\/\s*@ts-check\b/.test(text)) return true;
  if (/\/\/\s*@ts-nocheck\b/.test(text)) return false;
  try {
    const file = resolvePath(path);
    const ts = typescriptFor(file);
    const config = ts && configFor(ts, file);
    return Boolean(config && config.options.checkJs && config.files.some((name: string) => resolvePath(name) === file));
  } catch {
    return false;
  }
}
