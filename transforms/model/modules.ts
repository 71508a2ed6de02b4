// The other files of the repository, as far as a site needs them: a helper imported from another
// file (`import { delay } from './utils/promise'`) is followed to its definition and analysed like a
// local one, and so is one required (`const { delay } = require('./time')`) from a CommonJS module
// that writes its exports once, at its top level. Files are read through a host (the disk for the
// CLI and jscodeshift; a git snapshot for the wild corpus), parsed on first use and kept for the
// run; nothing is read that no site asks for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Binding } from '../analysis/scope';
import { isFunction, unwrap } from '../analysis/tree';
import { hasWrites, propertyName, requiredImport, requiredModule } from '../analysis/resolve';
import { parseSource } from '../engine/parse';
import { Facts } from './facts';
import { upgradeText } from './upgrade';

export interface ModuleHost {
  /** the text of a file, or undefined when there is none (or it cannot be read) */
  read(file: string): string | undefined;
  /**
   * the source files of the repository that holds `file` (its tests among them) that hold one of
   * `words` as a word and may replace a function of another (REPLACES), with their text; 'too many'
   * when the repository has more than the host reads (then nothing may be taken as unreplaced);
   * undefined when it cannot search them (then no file is taken to replace a helper)
   */
  search?(file: string, words: readonly string[]): Array<{ file: string; text: string }> | 'too many' | undefined;
}

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

// the repository's root above a file: the nearest folder whose .git is a directory (a submodule's
// or a worktree's .git is a file: its outer repository is the one whose tests run), or without one
// the highest folder with a package.json
function repositoryRoot(file: string): string {
  let withPackage: string | undefined;
  for (let dir = path.dirname(path.resolve(file)); ; ) {
    if (fs.existsSync(path.join(dir, 'package.json'))) withPackage = dir;
    try {
      if (fs.statSync(path.join(dir, '.git')).isDirectory()) return dir;
    } catch {
      // no .git here
    }
    const parent = path.dirname(dir);
    if (parent === dir) return withPackage ?? path.dirname(path.resolve(file));
    dir = parent;
  }
}

// the root's own output folders are not read (a build of the sources); node_modules and .git nowhere
const SKIPPED_AT_ROOT = new Set(['dist', 'build', 'coverage', 'out', '.next', '.turbo']);
const SKIPPED_ANYWHERE = new Set(['node_modules', '.git']);

// every source file under the root, symlinks followed (each real folder once); undefined when there
// are more than this reads (then nothing may be taken as unreplaced)
function listSources(root: string): string[] | undefined {
  const found: string[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const walk = (dir: string, depth: number) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.length > 0 && (depth > 40 || found.length > 100_000)) {
      truncated = true;
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let kind: 'dir' | 'file' | undefined = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : undefined;
        } catch {
          kind = undefined;
        }
      }
      if (kind === 'dir' && !SKIPPED_ANYWHERE.has(entry.name) && !(depth === 0 && SKIPPED_AT_ROOT.has(entry.name))) walk(full, depth + 1);
      else if (kind === 'file' && SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  };
  walk(root, 0);
  return truncated ? undefined : found;
}

// `jest.mock('delay')` of the npm package `delay`, installed above the file: not a module of the
// repository (an alias such as `@/delay` or `~/delay` names no installed package)
function isInstalledPackage(from: string, specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return false;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(name)) return false;
  for (let dir = path.dirname(path.resolve(from)); ; ) {
    if (fs.existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

// a file larger than this is not read for replacements (and its repository is then not taken as unreplaced)
const MAX_SCANNED = 8 * 1024 * 1024;

const listed = new Map<string, Array<{ file: string; text: string }> | null>();
const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** reads files from disk, relative paths from the current directory */
export const diskHost: ModuleHost = {
  read(file) {
    try {
      if (!fs.statSync(file).isFile()) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  search(file, words) {
    const root = repositoryRoot(file);
    if (!listed.has(root)) {
      // the files that may replace anything at all, read once a run
      const sources = listSources(root);
      const texts: Array<{ file: string; text: string }> = [];
      let unread = false;
      for (const each of sources ?? []) {
        let size = 0;
        try {
          size = fs.statSync(each).size;
        } catch {
          continue;
        }
        if (size > MAX_SCANNED) unread = true;
        const text = size <= MAX_SCANNED ? diskHost.read(each) : undefined;
        if (text !== undefined && REPLACES.test(text)) texts.push({ file: each, text });
      }
      listed.set(root, sources === undefined || unread ? null : texts);
    }
    const texts = listed.get(root);
    if (texts === null) return 'too many';
    const word = new RegExp(`(?<![\\w$])(?:${words.map(escaped).join('|')})(?![\\w$])`);
    return texts!.filter((each) => word.test(each.text));
  },
};

/** what a file that replaces a function of another holds, one of: a mock, a spy or stub, a require written to */
export const REPLACES = /mock|spyOn|stub\s*\(|proxyquire|rewire|td\s*\.\s*replace|require\s*\(/;

/** reads files from disk, relative paths from `base` (the directory the run's paths are relative to) */
export function diskHostAt(base: string): ModuleHost {
  return { read: (file) => diskHost.read(path.resolve(base, file)), search: (file, words) => diskHost.search!(path.resolve(base, file), words) };
}

// `jest.mock('./delay')`, `vi.mock(import('./delay.js'))`, `jest.mock(require.resolve('./delay'))`,
// ``jest.mock(`${__dirname}/delay`)``; proxyquire, rewire, mock-require: the specifier is group 2
const MOCKED_SPECIFIER = String.raw`(?:import\s*\(\s*|require\s*\.\s*resolve\s*\(\s*)?(['"\`])([^'"\`]+)\1`;
const MOCK_CALL = new RegExp(String.raw`\b(?:jest|vi|vitest|td)\s*\.\s*(?:mock|doMock|unstable_mockModule|setMock|replaceEsm|replace)\s*\(\s*` + MOCKED_SPECIFIER, 'g');
const MOCK_REQUIRE = new RegExp(String.raw`\b(?:proxyquire|rewire|mockRequire|mock)\s*\(\s*` + MOCKED_SPECIFIER, 'g');

/** where a caller hands runRules (in its options) the directory its paths are relative to */
export const MODULE_BASE = 'moduleBase';

/** where a caller hands runRules the index to share across its files (a CLI run, the wild corpus) */
export const MODULE_INDEX = Symbol.for('forgotten-sender.module-index');

/** a function another file exports, with the facts of its file */
export interface ExportedFunction {
  facts: Facts;
  fn: any;
  binding?: Binding;
  /** where it is defined, `path:line` */
  where: string;
}

// `./promise` → `./promise.ts`, `./promise/index.ts`…; `./promise.js` in TypeScript's ESM style → `./promise.ts`
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_FOR_OUTPUT: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };
const MAX_FILE = 512 * 1024;
const MAX_DEPTH = 4;

export class ModuleIndex {
  private readonly parsed = new Map<string, Facts | null>();
  private readonly upgrades: ReadonlyMap<string, number[]>;

  /** `upgrades`: helpers to read as made cancellable (./upgrade.ts), by file and function offset */
  constructor(
    private readonly host: ModuleHost = diskHost,
    upgrades: ReadonlyArray<{ file: string; at: number }> = [],
    /** the directory relative paths start from, when they are the disk's */
    readonly base?: string,
  ) {
    const byFile = new Map<string, number[]>();
    for (const upgrade of upgrades) byFile.set(path.normalize(upgrade.file), [...(byFile.get(path.normalize(upgrade.file)) ?? []), upgrade.at]);
    this.upgrades = byFile;
  }

  /**
   * Whether some file of the repository replaces the function `names` name in `file` (a test's
   * `jest.mock('./utils')`, `vi.mock(…)`, `sinon.stub(utils, 'delay')`, `jest.spyOn(utils,
   * 'delay')`, proxyquire, `utils.delay = fake` on a require of it): a race that no longer calls it
   * would escape the replacement. The first one found, said as `how` (`jest.mock('./utils')` in
   * test/a.test.ts), or undefined. Read from the files the host finds naming the function or its module.
   */
  replacedElsewhere(file: string | readonly string[], names: readonly string[]): string | undefined {
    const files = typeof file === 'string' ? [file] : [...file];
    const memo = `${files.join('\u0000')}\u0001${names.join('\u0000')}`;
    if (!this.replaced.has(memo)) this.replaced.set(memo, this.findReplacement(files, names));
    return this.replaced.get(memo);
  }

  private readonly replaced = new Map<string, string | undefined>();

  private findReplacement(files: readonly string[], names: readonly string[]): string | undefined {
    if (!this.host.search) return undefined;
    // the files that name the function, or one of its modules (`jest.mock('./utils')`: utils, or its folder for an index)
    const baseOf = (each: string) => {
      const base = path.basename(each).replace(/\.[^.]+$/, '');
      return base === 'index' ? path.basename(path.dirname(each)) : base;
    };
    const bases = new Set(files.map(baseOf));
    const words = [...names, ...bases].filter((word) => /^[\w$-]+$/.test(word));
    const replacements: Array<{ file: string; specifier?: string; name?: string; how: string }> = [];
    const searched = this.host.search(files[0], words);
    if (searched === undefined) return undefined;
    if (searched === 'too many') return 'the repository has more files than this reads for replacements';
    for (const { file: other, text } of searched) {
      for (const match of text.matchAll(MOCK_CALL)) replacements.push({ file: other, specifier: match[2], how: `\`${match[0].replace(/\s+/g, '')})\`` });
      for (const match of text.matchAll(MOCK_REQUIRE)) replacements.push({ file: other, specifier: match[2], how: `\`${match[0].replace(/\s+/g, '')})\`` });
      // `sinon.stub(helpers, 'delay')`, `jest.spyOn(utils, 'delay')`: by the name, in a file that loads the module
      const loaded = [...text.matchAll(/\b(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1|\bfrom\s*(['"])([^'"]+)\3/g)].map((match) => match[2] ?? match[4]);
      // (not `Object.defineProperty(exports, 'delay', { get })`: a re-export writes its own exports)
      for (const match of text.matchAll(/\b(?:spyOn|stub|replace|replaceGetter|mock|defineProperty)\s*\(\s*(?!(?:module\s*\.\s*)?exports\s*,)[^,()]+,\s*(['"`])([\w$]+)\1/g)) {
        for (const specifier of loaded) replacements.push({ file: other, specifier, name: match[2], how: `\`${match[0].replace(/\s+/g, ' ')}…)\`` });
      }
      // `const utils = require('./utils'); utils.delay = fake`
      for (const match of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*(['"`])([^'"`]+)\2\s*\)/g)) {
        for (const write of text.matchAll(new RegExp(`\\b${match[1].replace(/\$/g, '\\$')}\\s*\\.\\s*([\\w$]+)\\s*=(?!=)`, 'g'))) replacements.push({ file: other, specifier: match[3], name: write[1], how: `\`${write[0].replace(/\s+/g, ' ')} …\`` });
      }
      for (const match of text.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)\s*\.\s*([\w$]+)\s*=(?!=)/g)) replacements.push({ file: other, specifier: match[2], name: match[3], how: `\`${match[0].replace(/\s+/g, ' ')} …\`` });
    }
    // (paths as the host gives them: relative ones from the run's base, both sides alike)
    const key = (each: string) => (path.isAbsolute(each) ? path.normalize(each) : path.resolve(this.base ?? process.cwd(), each));
    const targets = new Set(files.map(key));
    const names_ = new Set(names);
    for (const replacement of replacements) {
      if (replacement.name !== undefined && !names_.has(replacement.name)) continue;
      if (replacement.specifier !== undefined) {
        const specifier = replacement.specifier;
        const resolved = specifier.includes('${') ? undefined : (this.resolve(replacement.file, specifier) ?? this.resolveRequire(replacement.file, specifier));
        // an alias (`@/delay`, tsconfig paths, moduleNameMapper) or a template this does not
        // resolve: taken to name the module when its last part is the module's name
        if (resolved === undefined ? !bases.has(baseOf(specifier.replace(/\/+$/, ''))) || isInstalledPackage(replacement.file, specifier) : !targets.has(key(resolved))) continue;
      }
      const relative = path.isAbsolute(replacement.file) ? path.relative(this.base ?? process.cwd(), replacement.file) : replacement.file;
      const shown = relative.startsWith('..') ? replacement.file : relative;
      return `${replacement.how} in ${shown.split(path.sep).join('/')}`;
    }
    return undefined;
  }

  /** a file's text as the host has it (a package.json, say) */
  readText(file: string): string | undefined {
    return this.host.read(path.normalize(file));
  }

  /** the file a specifier names from `from`: relative, or a package of the same repository's workspaces; undefined otherwise */
  resolve(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return this.resolveWorkspace(from, specifier);
    const base = path.join(path.dirname(from), specifier);
    const extension = path.extname(base);
    const candidates = [
      ...(SOURCE_FOR_OUTPUT[extension] ?? []).map((source) => base.slice(0, -extension.length) + source),
      ...(EXTENSIONS.includes(extension) ? [base] : []),
      ...EXTENSIONS.map((ext) => base + ext),
      ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
    ];
    return candidates.find((candidate) => this.facts(candidate) !== undefined);
  }

  private readonly workspaceRoots = new Map<string, { root: string; patterns: string[] } | null>();

  // `@scope/utils/sub` → the package `@scope/utils` of a workspace of the repository (package.json
  // `workspaces`, each `dir/*` or `dir`), its entry mapped back to the sources it is built from
  private resolveWorkspace(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const subpath = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
    const workspace = this.workspaceOf(path.dirname(from));
    if (!workspace || !name) return undefined;
    const last = name.split('/').at(-1)!;
    for (const pattern of workspace.patterns) {
      const dir = pattern.endsWith('/*') ? path.join(workspace.root, pattern.slice(0, -2), last) : path.join(workspace.root, pattern);
      const text = this.readText(path.join(dir, 'package.json'));
      if (text === undefined) continue;
      let manifest: any;
      try {
        manifest = JSON.parse(text);
      } catch {
        continue;
      }
      if (manifest?.name !== name) continue;
      const manifestFile = path.join(dir, 'package.json');
      const entries = subpath ? [subpath] : entriesOf(manifest);
      for (const entry of entries) {
        for (const candidate of sourcesOf(entry)) {
          const file = this.resolve(manifestFile, `./${candidate}`);
          if (file !== undefined) return file;
        }
      }
      return undefined;
    }
    return undefined;
  }

  private workspaceOf(dir: string): { root: string; patterns: string[] } | undefined {
    const seen: string[] = [];
    let at = dir;
    for (let depth = 0; depth < 16; depth += 1) {
      if (this.workspaceRoots.has(at)) {
        const known = this.workspaceRoots.get(at) ?? undefined;
        for (const visited of seen) this.workspaceRoots.set(visited, known ?? null);
        return known;
      }
      seen.push(at);
      const text = this.readText(path.join(at, 'package.json'));
      if (text !== undefined) {
        try {
          const manifest = JSON.parse(text);
          const declared = Array.isArray(manifest?.workspaces) ? manifest.workspaces : manifest?.workspaces?.packages;
          if (Array.isArray(declared)) {
            const patterns = declared.filter((pattern: unknown): pattern is string => typeof pattern === 'string' && /^[\w.@-]+(?:\/[\w.@-]+)*(?:\/\*)?$/.test(pattern));
            const found = { root: at, patterns };
            for (const visited of seen) this.workspaceRoots.set(visited, found);
            return found;
          }
        } catch {
          // not a manifest to read: go on up
        }
      }
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
    for (const visited of seen) this.workspaceRoots.set(visited, null);
    return undefined;
  }

  /** the parsed file, or undefined when it cannot be read or parsed */
  facts(file: string): Facts | undefined {
    const key = path.normalize(file);
    if (this.parsed.has(key)) return this.parsed.get(key) ?? undefined;
    let facts: Facts | null = null;
    const text = this.host.read(key);
    if (text !== undefined && text.length <= MAX_FILE && !/\.d\.[cm]?ts$/.test(key)) {
      try {
        const source = text.replace(/^\uFEFF/, '');
        facts = new Facts(key, source, parseSource(key, source), this);
        const upgrades = this.upgrades.get(key);
        if (upgrades) {
          const upgraded = upgradeText(facts, upgrades);
          if (upgraded !== source) facts = new Facts(key, upgraded, parseSource(key, upgraded), this);
        }
      } catch {
        facts = null;
      }
    }
    this.parsed.set(key, facts);
    return facts ?? undefined;
  }

  /** the function `name` (or `default`) that the module `specifier` of `from` exports, followed through re-exports */
  importedFunction(from: string, specifier: string, name: string): ExportedFunction | undefined {
    const file = this.resolve(from, specifier);
    return file === undefined ? undefined : this.exportedFunction(file, name, 0);
  }

  /** the same for `require(specifier)` (`name` 'module.exports' for the whole of it), found as Node's require finds it */
  requiredFunction(from: string, specifier: string, name: string): ExportedFunction | undefined {
    const file = this.resolveRequire(from, specifier);
    if (file === undefined) return undefined;
    // a cycle (`./utils` requires the requirer back): which side loads first decides whether the
    // export is there yet when it is read, which this does not follow
    const facts = this.facts(file);
    if (facts && facts.tree.ofType('CallExpression').some((call: any) => {
      const required = requiredModule(facts.scopes, call);
      return required !== undefined && this.resolveRequire(file, required) === from;
    })) return undefined;
    return this.exportedFunction(file, name, 0, true);
  }

  // `require('./delay')` of a JavaScript file: `./delay`, `./delay.js`, the `main` of
  // `./delay/package.json`, `./delay/index.js`, in Node's order (not `.ts` before `.js`, not `.cjs`);
  // of a TypeScript file, as its imports (the compiler resolves it to the sources)
  resolveRequire(from: string, specifier: string): string | undefined {
    if (/\.[cm]?tsx?$/.test(from)) return this.resolve(from, specifier);
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    const asFile = (base: string) => [base, `${base}.js`].find((candidate) => this.facts(candidate) !== undefined);
    const asDirectory = (base: string): string | undefined => {
      const text = this.readText(path.join(base, 'package.json'));
      let main: unknown;
      try {
        main = text === undefined ? undefined : JSON.parse(text)?.main;
      } catch {
        return undefined;
      }
      if (typeof main === 'string') {
        const entry = path.join(base, main);
        return asFile(entry) ?? [path.join(entry, 'index.js')].find((candidate) => this.facts(candidate) !== undefined);
      }
      if (text !== undefined && main !== undefined) return undefined;
      return [path.join(base, 'index.js')].find((candidate) => this.facts(candidate) !== undefined);
    };
    const base = path.join(path.dirname(from), specifier);
    return asFile(base) ?? asDirectory(base);
  }

  private exportedFunction(file: string, name: string, depth: number, viaRequire = false): ExportedFunction | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const facts = this.facts(file);
    if (!facts) return undefined;
    const found = (node: any): ExportedFunction | undefined => {
      const fn = unwrap(node);
      if (isFunction(fn)) return { facts, fn, where: `${file}:${fn.loc?.start.line ?? 0}` };
      if (fn?.type !== 'Identifier') return undefined;
      const local = facts.resolver.localFunctionOf(fn);
      if (local) return { facts, fn: local.fn, binding: local.binding, where: `${file}:${local.fn.loc?.start.line ?? 0}` };
      // `import { delay } from './x'; export { delay }`
      const binding = facts.scopes.bindingOf(fn);
      if (binding?.kind === 'import' && binding.imported) return this.importedThrough(facts, binding.imported.source, binding.imported.imported, depth);
      // `const { delay } = require('./time'); module.exports = { delay }`
      const required = requiredImport(facts.scopes, binding);
      if (required) return this.importedThrough(facts, required.source, required.imported, depth, true);
      return undefined;
    };
    const stars: string[] = [];
    for (const statement of facts.tree.program.body) {
      if (statement.type === 'ExportDefaultDeclaration' && name === 'default') return found(statement.declaration);
      if (statement.type === 'ExportAllDeclaration' && !statement.exported && statement.exportKind !== 'type') stars.push(String(statement.source.value));
      if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) return found(declaration);
      if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') {
        for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier' && declarator.id.name === name) return found(declarator.init);
      }
      for (const specifier of statement.specifiers ?? []) {
        const exported = specifier.exported?.name ?? specifier.exported?.value;
        if (exported !== name || specifier.exportKind === 'type') continue;
        const local = specifier.local?.name ?? specifier.local?.value;
        if (statement.source) return this.importedThrough(facts, String(statement.source.value), local, depth);
        return found(specifier.local);
      }
    }
    for (const star of stars) {
      const through = this.importedThrough(facts, star, name, depth);
      if (through) return through;
    }
    // (Node's ESM import of a CommonJS module sees its `module.exports` as the default export, and
    // names only where its lexer finds them: only the default is read for an import)
    return viaRequire || name === 'default' ? this.commonJsExport(facts, name, depth, found) : undefined;
  }

  // CommonJS, in a file with no import or export of its own: `module.exports = fn`, `= { delay }`,
  // `= require('./other')`, `exports.delay = fn`, `module.exports.delay = fn`. Each a statement of
  // the module's top level, each name written once; any other use of `module` or `exports` (a write
  // in a function, `Object.assign(module.exports, …)`, `exports` passed on) and nothing is read.
  private commonJsExport(facts: Facts, name: string, depth: number, found: (node: any) => ExportedFunction | undefined): ExportedFunction | undefined {
    const body = facts.tree.program.body;
    if (body.some((statement: any) => /^(?:Import|Export)/.test(statement.type) || statement.type === 'TSExportAssignment')) return undefined;
    // `this.delay = …` at the top level writes `module.exports.delay`
    const { tree } = facts;
    const topLevelThis = tree.ofType('ThisExpression').some((node: any) => {
      for (let fn = tree.functionOf(node); fn && fn !== tree.program; fn = tree.functionOf(fn)) if (fn.type !== 'ArrowFunctionExpression') return false;
      return true;
    });
    if (topLevelThis) return undefined;
    // `if (typeof window === 'undefined') return;` at the top level: an export below may never be written
    if (tree.ofType('ReturnStatement').some((statement: any) => tree.functionOf(statement) === tree.program)) return undefined;
    const whole = name === 'module.exports' || name === 'default';
    const writes: Array<{ name: string | undefined; value: any; at: number }> = [];
    const topLevel = new Set<any>();
    for (const statement of body) {
      const assignment = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
      if (assignment?.type === 'AssignmentExpression' && assignment.operator === '=') topLevel.add(assignment.left);
    }
    // the value as the assignment copies it: `exports.delay = impl; var impl = …` copies undefined,
    // and `module.exports = { delay }; const delay = …` throws: a name declared above, or a function
    const foundAt = (value: any, at: number): ExportedFunction | undefined => {
      const id = unwrap(value);
      if (id?.type === 'Identifier') {
        const binding = facts.scopes.bindingOf(id);
        // (and never written again: the export keeps the value it copied, whatever the name holds later)
        if (!binding || hasWrites(binding) || (binding.kind !== 'function' && !(binding.declaration && binding.declaration.end <= at))) return undefined;
      }
      return found(value);
    };
    const isModuleExports = (node: any) => node?.type === 'MemberExpression' && unwrap(node.object)?.type === 'Identifier' && unwrap(node.object).name === 'module' && propertyName(node) === 'exports' && facts.scopes.isGlobalReference(unwrap(node.object));
    for (const global of ['module', 'exports']) {
      for (const reference of facts.scopes.globalReferences(global)) {
        // `module.exports` (global === 'module') or `exports` itself, and the member written
        const root = global === 'module' ? facts.tree.parent(reference.node) : reference.node;
        if (global === 'module' && !isModuleExports(root)) return undefined;
        if (topLevel.has(root) && global === 'module') {
          writes.push({ name: undefined, value: facts.tree.parent(root).right, at: root.start });
          continue;
        }
        const member = facts.tree.parent(root);
        const property = member?.type === 'MemberExpression' && member.object === root ? propertyName(member) : undefined;
        if (property === undefined || !topLevel.has(member)) return undefined;
        writes.push({ name: property, value: facts.tree.parent(member).right, at: member.start });
      }
    }
    const wholeWrites = writes.filter((write) => write.name === undefined);
    if (wholeWrites.length > 1) return undefined;
    const value = unwrap(wholeWrites[0]?.value);
    // `module.exports = require('./other')`: that module's exports are this one's
    const required = value && requiredModule(facts.scopes, value);
    // (a name written besides would be written into that module's exports)
    if (required !== undefined) return writes.length === 1 ? this.importedThrough(facts, required, name, depth, true) : undefined;
    // `module.exports = delay; module.exports.loadedAt = …`: a property of the function, not another
    if (whole) return wholeWrites.length === 1 ? foundAt(value, wholeWrites[0].at) : undefined;
    const named = writes.filter((write) => write.name === name);
    // `module.exports = { … }` replaces whatever `exports.x` wrote before it: only one of them
    if (value?.type === 'ObjectExpression') {
      if (writes.length !== 1) return undefined;
      // (a later `delay(ms) { … }` of the same name is the one the object keeps)
      const properties = value.properties.filter((property: any) => property.type !== 'SpreadElement' && !property.computed && (property.key.name ?? property.key.value) === name);
      if (value.properties.some((property: any) => property.type === 'SpreadElement' || property.computed) || properties.length !== 1 || properties[0].kind === 'get' || properties[0].kind === 'set') return undefined;
      const [property] = properties;
      return property.type === 'ObjectMethod' ? found(property) : foundAt(property.value, wholeWrites[0].at);
    }
    if (wholeWrites.length > 0 || named.length !== 1) return undefined;
    return foundAt(named[0].value, named[0].at);
  }

  private importedThrough(facts: Facts, specifier: string, name: string, depth: number, viaRequire = false): ExportedFunction | undefined {
    const file = viaRequire ? this.resolveRequire(facts.path, specifier) : this.resolve(facts.path, specifier);
    return file === undefined ? undefined : this.exportedFunction(file, name, depth + 1, viaRequire);
  }
}

/** the entries a package.json names: exports (every condition), main, module, types */
export function entriesOf(manifest: any): string[] {
  const entries = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string') entries.add(value);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) if (key === '.' || !key.startsWith('.')) collect(inner);
  };
  collect(manifest.exports);
  collect(manifest.main ?? 'index.js');
  collect(manifest.module);
  collect(manifest.types ?? manifest.typings);
  return [...entries];
}

/** `dist/index.js` → itself, and `src/index.js` (read as its `.ts`): built entries point back at the sources they came from */
export function sourcesOf(entry: string): string[] {
  const bare = entry.replace(/^\.\//, '').replace(/\.d\.([cm]?)ts$/, '.$1js');
  const out = [bare];
  const source = bare.replace(/^(?:dist|lib|build|out)(?:\/(?:esm|cjs|es|src))?\//, 'src/');
  if (source !== bare) out.push(source);
  return out;
}
