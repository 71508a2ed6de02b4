// Which files a run looks at: the given files as they are; inside a given directory, every source
// file with a known extension that git would not ignore, never anything under node_modules.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function hasSourceExtension(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

// Declaration files hold types only: no call, so no timer to clear. Walks leave them out (a .d.ts
// named on the command line is still read).
function isWalkedSource(file: string): boolean {
  return hasSourceExtension(file) && !/\.d\.[cm]?ts$/i.test(file);
}

export interface Listing {
  files: string[];
  /** paths given on the command line that do not exist */
  missing: string[];
}

export function listFiles(targets: readonly string[]): Listing {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const target of targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      missing.push(target);
      continue;
    }
    if (stat.isDirectory()) {
      const found = gitListing(target) ?? walk(target);
      found.sort();
      for (const relative of found) add(path.join(target, relative));
    } else {
      add(target);
    }
  }
  return { files, missing };
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
function gitListing(dir: string): string[] | undefined {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') return undefined;
  if (git(dir, ['check-ignore', '-q', '.']) !== undefined) return undefined;
  const output = git(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']);
  if (output === undefined) return undefined;
  const result: string[] = [];
  for (const relative of output.split('\0')) {
    if (relative === '' || !isWalkedSource(relative) || isSkippedPath(relative)) continue;
    try {
      // Deleted but still tracked files, submodules and symbolic links are not source files to rewrite.
      if (fs.lstatSync(path.join(dir, relative)).isFile()) result.push(relative);
    } catch {
      continue;
    }
  }
  return result;
}

interface IgnoreRule {
  base: string;
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

// Outside git: a plain walk that reads the .gitignore of each directory it enters.
function walk(root: string): string[] {
  const result: string[] = [];
  const visit = (relativeDir: string, rules: IgnoreRule[]) => {
    const absolute = path.join(root, relativeDir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch {
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
      } else if (entry.isFile() && isWalkedSource(entry.name) && !isIgnored(active, relative, false)) {
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
function isIgnored(rules: readonly IgnoreRule[], relative: string, isDirectory: boolean): boolean {
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
export function dirtyWorkTrees(targets: readonly string[]): { root: string; status: string }[] {
  const roots = new Set<string>();
  for (const target of targets) {
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
