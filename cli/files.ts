// Which files a run looks at: the given files as they are; inside a given directory, every source
// file with a known extension that git would not ignore, never anything under node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function hasSourceExtension(file: string, extensions: readonly string[] = SOURCE_EXTENSIONS): boolean {
  return extensions.includes(path.extname(file).toLowerCase());
}

// Declaration files hold types only: no call, so no timer to clear. Walks leave them out (a .d.ts
// named on the command line is still read).
function isWalkedSource(file: string, extensions: readonly string[]): boolean {
  return hasSourceExtension(file, extensions) && !/\.d\.[cm]?ts$/i.test(file);
}

/** globs of a config (from the repository root) or of --ignore-pattern (from the current directory) */
export interface PathFilter {
  mode: 'include' | 'ignore';
  /** the absolute directory the globs are relative to */
  base: string;
  globs: readonly string[];
  /** what set them, for the reason a named file is left out */
  source: string;
}

export interface ListOptions {
  /** where relative targets start (default: the process's directory) */
  cwd?: string;
  /** the extensions walks keep (default SOURCE_EXTENSIONS) */
  extensions?: readonly string[];
  filters?: readonly PathFilter[];
}

export interface ListProblem {
  file: string;
  kind: 'error' | 'skipped';
  reason: string;
}

export interface Listing {
  /** as given, or joined to the directory given: relative to the run's directory when the target was */
  files: string[];
  /** paths given on the command line that do not exist */
  missing: string[];
  /** other targets that could not be listed (a symbolic link loop, no permission), and named files a filter leaves out */
  problems: ListProblem[];
}

/** one line on why a path cannot be used, from its error code */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'a symbolic link loop (ELOOP): a link leads back to itself';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'ENOTDIR') return 'a path through something that is not a directory (ENOTDIR)';
  const message = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
  return code ? `${code}: ${message}` : message;
}

interface CompiledFilter {
  filter: PathFilter;
  rules: IgnoreRule[];
}

// gitignore semantics: a pattern that matches a directory covers everything below it.
function matchesFilter(compiled: CompiledFilter, absolute: string): boolean | undefined {
  const relative = path.relative(compiled.filter.base, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const segments = relative.split(path.sep);
  for (let depth = 1; depth < segments.length; depth++) {
    if (isIgnored(compiled.rules, segments.slice(0, depth).join('/'), true)) return true;
  }
  return isIgnored(compiled.rules, segments.join('/'), false);
}

/** why the filters leave the file out, or undefined */
function filteredOut(filters: readonly CompiledFilter[], absolute: string): string | undefined {
  for (const compiled of filters) {
    const matched = matchesFilter(compiled, absolute);
    if (matched === undefined) continue;
    if (compiled.filter.mode === 'ignore' && matched) return `ignored by ${compiled.filter.source}`;
    if (compiled.filter.mode === 'include' && !matched) return `not included by ${compiled.filter.source}`;
  }
  return undefined;
}

export function listFiles(targets: readonly string[], options: ListOptions = {}): Listing {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? SOURCE_EXTENSIONS;
  const filters = (options.filters ?? []).filter((filter) => filter.globs.length > 0).map((filter) => ({ filter, rules: parseGitignore(filter.globs.join('\n'), '') }));
  const files: string[] = [];
  const missing: string[] = [];
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string, named: boolean) => {
    const absolute = path.resolve(cwd, file);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const reason = filteredOut(filters, absolute);
    if (reason === undefined) files.push(file);
    else if (named) problems.push({ file, kind: 'skipped', reason });
  };
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') missing.push(target);
      else problems.push({ file: target, kind: 'error', reason: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const unreadable = (relative: string, error: unknown) => problems.push({ file: path.join(target, relative), kind: 'error', reason: describeFsError(error) });
      const found = gitListing(absolute, extensions, unreadable) ?? walk(absolute, extensions, unreadable);
      found.sort();
      for (const relative of found) add(path.join(target, relative), false);
    } else {
      add(target, true);
    }
  }
  return { files, missing, problems };
}

function isSkippedPath(relative: string): boolean {
  return relative.split(/[\\/]/).some((segment) => segment === 'node_modules' || segment === '.git');
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

// Inside a git work tree, git itself applies every .gitignore, .git/info/exclude and core.excludesFile.
// A directory that git ignores as a whole (say a vendored bundle the user points at) is walked instead.
function gitListing(dir: string, extensions: readonly string[], unreadable: (relative: string, error: unknown) => void): string[] | undefined {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') return undefined;
  if (git(dir, ['check-ignore', '-q', '.']) !== undefined) return undefined;
  // git lists what it can and only warns about a directory it cannot open (in English under LC_ALL=C):
  // each such directory is an error of the run, as the walk reports it
  const listing = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (listing.status !== 0 || listing.error) return undefined;
  const output = listing.stdout;
  for (const warning of listing.stderr.matchAll(/^warning: could not open directory '(.*)': (.*)$/gm)) {
    unreadable(warning[1].replace(/\/$/, ''), directoryError(warning[2]));
  }
  const result: string[] = [];
  for (const relative of output.split('\0')) {
    if (relative === '' || !isWalkedSource(relative, extensions) || isSkippedPath(relative)) continue;
    try {
      // Deleted but still tracked files, submodules and symbolic links are not source files to rewrite.
      if (fs.lstatSync(path.join(dir, relative)).isFile()) result.push(relative);
    } catch {
      continue;
    }
  }
  return result;
}

// git's strerror() text, as the code node's fs errors carry
function directoryError(message: string): Error & { code?: string } {
  const codes: Record<string, string> = { 'Permission denied': 'EACCES', 'Operation not permitted': 'EPERM', 'Too many levels of symbolic links': 'ELOOP' };
  return Object.assign(new Error(message), { code: codes[message] });
}

interface IgnoreRule {
  base: string;
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

// Outside git: a plain walk that reads the .gitignore of each directory it enters.
// Symbolic links, to files or directories, are not followed: a link's target is either in the walk
// already or outside the tree.
function walk(root: string, extensions: readonly string[], unreadable: (relative: string, error: unknown) => void): string[] {
  const result: string[] = [];
  const visit = (relativeDir: string, rules: IgnoreRule[]) => {
    const absolute = path.join(root, relativeDir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      unreadable(relativeDir, error);
      return;
    }
    let active = rules;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        active = [...rules, ...parseGitignore(fs.readFileSync(path.join(absolute, '.gitignore'), 'utf8'), relativeDir)];
      } catch {
        active = rules;
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      if (entry.isDirectory()) {
        if (!isIgnored(active, relative, true)) visit(relative, active);
      } else if (entry.isFile() && isWalkedSource(entry.name, extensions) && !isIgnored(active, relative, false)) {
        result.push(relative);
      }
    }
  };
  visit('', []);
  return result;
}

export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    const body = globToRegex(line);
    const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
    rules.push({ base, regex, negated, directoryOnly });
  }
  return rules;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more directories; a trailing `/**` everything inside.
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++;
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (char === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]);
    } else {
      out += escapeRegex(char);
    }
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// The last matching rule wins, as in git; rules only see paths below their .gitignore's directory.
export function isIgnored(rules: readonly IgnoreRule[], relative: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    let local = relative;
    if (rule.base !== '') {
      if (!relative.startsWith(`${rule.base}/`)) continue;
      local = relative.slice(rule.base.length + 1);
    }
    if (rule.regex.test(local)) ignored = !rule.negated;
  }
  return ignored;
}

// Paths whose changes --write would mix with the user's own: `git status` of each repository involved.
export function dirtyWorkTrees(targets: readonly string[], cwd: string = process.cwd()): { root: string; status: string }[] {
  const roots = new Set<string>();
  for (const relativeTarget of targets) {
    const target = path.resolve(cwd, relativeTarget);
    let dir: string;
    try {
      dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    } catch {
      continue;
    }
    const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
    if (top) roots.add(top);
  }
  const dirty: { root: string; status: string }[] = [];
  for (const root of roots) {
    const status = git(root, ['status', '--porcelain']);
    if (status !== undefined && status.trim() !== '') dirty.push({ root, status });
  }
  return dirty;
}
