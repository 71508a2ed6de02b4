// --format: after --write, the repository's own formatter over the files the run wrote, and only
// those. The formatter is the one the repository installed (node_modules/.bin at its root): never a
// copy of ours, never one fetched for the run, so its version and config are the ones CI checks with.
//   - none installed: a notice says so, and the files stay as the codemod wrote them;
//   - it fails (exit status, signal, time limit): every file is put back as the codemod wrote it,
//     so the tree holds one known state, and the run fails with the formatter's own message.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileProblem } from './sarif';

const BOM = '\uFEFF';

export type FormatterName = 'prettier' | 'biome' | 'dprint';

export interface Formatter {
  name: FormatterName;
  /** the executable in node_modules/.bin */
  bin: string;
  /** the config file that chose it, when one did */
  config?: string;
}

// A config names the formatter the project means, when several are installed; `package.json`'s
// "prettier" key counts as a Prettier config.
const CONFIGS: Record<FormatterName, readonly string[]> = {
  biome: ['biome.json', 'biome.jsonc'],
  dprint: ['dprint.json', '.dprint.json', 'dprint.jsonc', '.dprint.jsonc'],
  prettier: [
    '.prettierrc',
    '.prettierrc.json',
    '.prettierrc.json5',
    '.prettierrc.yaml',
    '.prettierrc.yml',
    '.prettierrc.toml',
    '.prettierrc.js',
    '.prettierrc.cjs',
    '.prettierrc.mjs',
    '.prettierrc.ts',
    'prettier.config.js',
    'prettier.config.cjs',
    'prettier.config.mjs',
    'prettier.config.ts',
  ],
};

/** without a config to choose, the first one the package.json depends on */
const PREFERENCE: readonly FormatterName[] = ['prettier', 'biome', 'dprint'];

// The npm package of each: a `.bin/prettier` that arrived as a dependency of a dependency (xo brings
// one) is not the repository's formatter, unless its own package.json or a config names it.
const PACKAGES: Record<FormatterName, readonly string[]> = {
  prettier: ['prettier'],
  biome: ['@biomejs/biome'],
  dprint: ['dprint'],
};

/** the formatters' own arguments that rewrite the named files in place */
const WRITE_ARGS: Record<FormatterName, readonly string[]> = {
  prettier: ['--write'],
  biome: ['format', '--write'],
  dprint: ['fmt'],
};

const TIME_LIMIT_MS = 120_000;

function installed(root: string, name: FormatterName): string | undefined {
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  return fs.existsSync(bin) ? bin : undefined;
}

function readPackageJson(root: string): any {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function configOf(root: string, name: FormatterName, packageJson: any): string | undefined {
  const file = CONFIGS[name].find((candidate) => fs.existsSync(path.join(root, candidate)));
  if (file !== undefined) return file;
  return name === 'prettier' && packageJson?.prettier !== undefined ? 'package.json "prettier"' : undefined;
}

function declared(name: FormatterName, packageJson: any): boolean {
  const dependencies = { ...(packageJson?.dependencies ?? {}), ...(packageJson?.devDependencies ?? {}) };
  return PACKAGES[name].some((pkg) => pkg in dependencies);
}

/**
 * The formatter of the repository at `root`, among those installed in its node_modules/.bin: the
 * first its config files name, else the first its package.json depends on; `undefined` when none
 * is both installed and the repository's (`installedOnly` then lists the ones merely installed).
 */
export function findFormatter(root: string): Formatter | undefined {
  return chooseFormatter(root).formatter;
}

function chooseFormatter(root: string): { formatter?: Formatter; installedOnly: FormatterName[] } {
  const packageJson = readPackageJson(root);
  const available = PREFERENCE.flatMap((name) => {
    const bin = installed(root, name);
    return bin === undefined ? [] : [{ name, bin, config: configOf(root, name, packageJson) }];
  });
  const formatter = available.find((candidate) => candidate.config !== undefined) ?? available.find((candidate) => declared(candidate.name, packageJson));
  return { formatter, installedOnly: formatter ? [] : available.map((candidate) => candidate.name) };
}

export interface FormatResult {
  formatter?: Formatter;
  /** one-line notices (and the formatter's output when it failed) for stderr */
  notices: string[];
  /** the formatter ran and exited 0 */
  formatted: boolean;
  /** the formatter failed: the files are back as the codemod wrote them */
  failed: boolean;
}

/**
 * Runs the repository's formatter over `files` (absolute paths the run wrote), from `root`.
 * `written` holds each file's text as the codemod wrote it, to put back when the formatter fails.
 */
export function formatWritten(root: string, files: readonly string[], written: ReadonlyMap<string, Buffer>, env: Record<string, string | undefined> = process.env): FormatResult {
  if (files.length === 0) return { notices: [], formatted: false, failed: false };
  const { formatter, installedOnly } = chooseFormatter(root);
  if (formatter === undefined) {
    const where = path.join(root, 'node_modules', '.bin');
    const notice =
      installedOnly.length > 0
        ? `--format: ${installedOnly.join(', ')} is installed in ${where}, but neither a config nor package.json names it: not this repository's formatter; the files are as the codemod wrote them`
        : `--format: no prettier, biome or dprint installed in ${where}; the files are as the codemod wrote them (install the project's dependencies to format)`;
    return { notices: [notice], formatted: false, failed: false };
  }
  const relative = files.map((file) => path.relative(root, file));
  const run = spawnSync(formatter.bin, [...WRITE_ARGS[formatter.name], ...relative], {
    cwd: root,
    env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `${formatter.name} (${path.relative(root, formatter.bin)}${formatter.config ? `, config ${formatter.config}` : ''})`;
  if (run.status === 0) {
    const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
    return { formatter, notices: [`--format: ${label} formatted the ${count} written`], formatted: true, failed: false };
  }
  for (const file of files) {
    const text = written.get(file);
    if (text !== undefined) fs.writeFileSync(file, text);
  }
  const why =
    run.error !== undefined
      ? (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
        ? `did not finish in ${TIME_LIMIT_MS / 1000} s`
        : `could not start: ${run.error.message}`
      : run.signal
        ? `was stopped by ${run.signal}`
        : `exited with status ${run.status}`;
  const output = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(0, 20).join('\n');
  const notices = [`--format: ${label} ${why}; the files are back as the codemod wrote them${output ? `:\n${output}` : ''}`];
  return { formatter, notices, formatted: false, failed: true };
}

interface Change {
  file: string;
  after: string;
  bom?: true;
}

/**
 * --format inside a run: formats the files of `changes` (as listed; `loaded` gives where each was
 * written), then reads them back so the diffs and reports show what is on disk. A formatter that
 * failed is one error per file it was given, and its message a notice.
 */
export function formatChanges(
  root: string,
  changes: Change[],
  loaded: ReadonlyMap<string, { real: string }>,
  problems: FileProblem[],
  notices: string[],
  env: Record<string, string | undefined>,
): void {
  const written = new Map<string, Buffer>();
  const realOf = new Map<Change, string>();
  for (const change of changes) {
    const real = loaded.get(change.file)?.real;
    if (real === undefined) continue;
    realOf.set(change, real);
    written.set(real, Buffer.from((change.bom ? BOM : '') + change.after, 'utf8'));
  }
  const result = formatWritten(root, [...written.keys()], written, env);
  notices.push(...result.notices);
  for (const [change, real] of realOf) {
    if (result.failed) {
      problems.push({ file: change.file, kind: 'error', reason: `--format: ${result.formatter?.name} failed (its message is above); the file is as the codemod wrote it` });
    } else if (result.formatted) {
      change.after = fs.readFileSync(real, 'utf8').replace(/^\uFEFF/, '');
    }
  }
}
