// What the project around a file allows the code a fix writes, read from its own configuration, the
// nearest first, up to the repository root (a folder holding .git):
// - `.finally()` on a promise: TypeScript's `lib` (or its `target`, when there is no `lib`) from the
//   nearest tsconfig.json, its `extends` followed, must hold ES2018's Promise.prototype.finally; a
//   JavaScript file, `engines.node` of the nearest package.json must not allow Node before 10.
//   Otherwise a fix cleans up in both handlers of `.then(onFulfilled, onRejected)`.
// - `() => clearTimeout(h)`: an arrow whose body is a call returning nothing. typescript-eslint's
//   `no-confusing-void-expression` (on in xo) forbids it; where the project uses xo, or its ESLint
//   configuration names that rule, fixes write `() => { clearTimeout(h); }` as a block.
// - `socket.onopen = null`: TypeScript's lib.dom (a `lib` with `dom`, or none) declares it nullable.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Project {
  /** Promise.prototype.finally may be written */
  promiseFinally: boolean;
  /** `() => call()` with a call that returns nothing may be written */
  voidArrowShorthand: boolean;
  /** a block statement over several lines is followed by a blank line (xo's padding-line-between-statements) */
  blankLineAfterBlock: boolean;
  /** TypeScript: the file is checked with lib.dom ('unknown': not on disk, no tsconfig.json, a base not read) */
  domLib: 'yes' | 'no' | 'unknown';
}

const DEFAULTS: Project = { promiseFinally: true, voidArrowShorthand: true, blankLineAfterBlock: false, domLib: 'unknown' };
const cache = new Map<string, Project>();

function readJson(file: string): any {
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text);
    } catch {
      // tsconfig.json allows comments and trailing commas
      return JSON.parse(text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '').replace(/,(\s*[}\]])/g, '$1'));
    }
  } catch {
    return undefined;
  }
}

function isRepositoryRoot(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.git'));
}

// the nearest file named so, from `dir` up to the repository root
function nearest(dir: string, name: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    if (isRepositoryRoot(current) || path.dirname(current) === current) return undefined;
  }
}

const ES_YEAR: Record<string, number> = { es3: 3, es5: 5, es6: 2015, es2015: 2015, es2016: 2016, es2017: 2017, es2018: 2018, es2019: 2019, es2020: 2020, es2021: 2021, es2022: 2022, es2023: 2023, es2024: 2024, esnext: 9999 };

// compilerOptions from a tsconfig and the ones it extends (relative paths, or a package's own)
// (`unread`: a config or a base that could not be read, so an unset `lib` may not be TypeScript's default)
function compilerOptions(file: string, depth = 0): { target?: string; lib?: string[]; unread?: boolean } {
  const config = readJson(file);
  if (!config || depth > 5) return { unread: true };
  let inherited: { target?: string; lib?: string[]; unread?: boolean } = {};
  const bases = Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : [];
  for (const base of bases) {
    if (typeof base !== 'string') {
      inherited.unread = true;
      continue;
    }
    const candidates = base.startsWith('.') || path.isAbsolute(base) ? [path.resolve(path.dirname(file), base), path.resolve(path.dirname(file), `${base}.json`)] : [path.join(path.dirname(file), 'node_modules', base), path.join(path.dirname(file), 'node_modules', base, 'tsconfig.json'), path.join(path.dirname(file), 'node_modules', `${base}.json`)];
    const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    if (!found) {
      inherited.unread = true;
      continue;
    }
    const read = compilerOptions(found, depth + 1);
    inherited = { ...inherited, ...read, unread: inherited.unread || read.unread };
  }
  const own = config.compilerOptions ?? {};
  return { target: typeof own.target === 'string' ? own.target : inherited.target, lib: Array.isArray(own.lib) ? own.lib : inherited.lib, unread: Array.isArray(own.lib) ? false : inherited.unread };
}

// lib.dom, where `WebSocket`, `EventSource`, `BroadcastChannel`… declare `onX: … | null`: a `lib` that
// lists `dom`, or none at all (TypeScript's default has it); unknown when that cannot be told
function domLibOf(options: { lib?: string[]; unread?: boolean }): Project['domLib'] {
  if (options.lib) return options.lib.some((entry) => String(entry).toLowerCase() === 'dom') ? 'yes' : 'no';
  return options.unread ? 'unknown' : 'yes';
}

function libHasFinally(options: { target?: string; lib?: string[] }): boolean {
  if (options.lib) {
    // `es2018`, `es2022`, `esnext`, `es2020.full`, or the one sub-library that has it
    return options.lib.some((entry) => {
      const name = String(entry).toLowerCase();
      const year = ES_YEAR[name.split('.')[0]] ?? 0;
      return name === 'es2018.promise' || (year >= 2018 && (!name.includes('.') || name.endsWith('.full')));
    });
  }
  // no lib: the target's own
  if (!options.target) return true;
  return (ES_YEAR[options.target.toLowerCase()] ?? 9999) >= 2018;
}

// `>=8`, `^8.10.0`, `8.x || >=10`: the lowest Node major the range lets in
function lowestNodeMajor(range: string): number | undefined {
  const majors = [...range.matchAll(/(?:^|[\s|^~>=v])(\d+)(?:\.|\b)/g)].map((match) => Number(match[1]));
  return majors.length > 0 ? Math.min(...majors) : undefined;
}

function lintAsks(dir: string, packageJson: any, rule: RegExp): boolean {
  const dependencies = { ...(packageJson?.dependencies ?? {}), ...(packageJson?.devDependencies ?? {}) };
  if ('xo' in dependencies) return true;
  for (const name of ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', '.eslintrc', '.eslintrc.json', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yml', '.eslintrc.yaml']) {
    const file = nearest(dir, name);
    if (!file) continue;
    try {
      if (rule.test(fs.readFileSync(file, 'utf8'))) return true;
    } catch {
      // unreadable: nothing known
    }
  }
  return false;
}

/** what the project around `file` allows; the defaults for a file outside any project */
export function readProject(file: string): Project {
  const dir = path.dirname(path.resolve(file));
  const typescript = /\.[cm]?tsx?$/.test(file);
  const key = `${dir}\u0000${typescript}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let project = DEFAULTS;
  try {
    const packageFile = nearest(dir, 'package.json');
    const packageJson = packageFile ? readJson(packageFile) : undefined;
    let promiseFinally = true;
    let domLib: Project['domLib'] = 'unknown';
    if (typescript) {
      const tsconfig = nearest(dir, 'tsconfig.json');
      const options = tsconfig ? compilerOptions(tsconfig) : undefined;
      if (options) promiseFinally = libHasFinally(options);
      // a source handed in as text: the tsconfig around some other path says nothing of it
      if (options && fs.existsSync(path.resolve(file))) domLib = domLibOf(options);
    } else if (typeof packageJson?.engines?.node === 'string') {
      const lowest = lowestNodeMajor(packageJson.engines.node);
      if (lowest !== undefined && lowest < 10) promiseFinally = false;
    }
    project = {
      promiseFinally,
      voidArrowShorthand: !lintAsks(dir, packageJson, /no-confusing-void-expression|eslint-config-xo/),
      blankLineAfterBlock: lintAsks(dir, packageJson, /padding-line-between-statements|eslint-config-xo/),
      domLib,
    };
  } catch {
    project = DEFAULTS;
  }
  cache.set(key, project);
  return project;
}
