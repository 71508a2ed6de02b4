// Command line of `forgotten-sender`, read strictly: every flag is in the table below, an unknown
// one is a usage error that names the nearest known flag. The transforms' own options are in the
// table too (TRANSFORM_OPTIONS), so a typo in one is caught like any other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SOURCE_EXTENSIONS } from './files';

export interface CliArgs {
  paths: string[];
  write: boolean;
  force: boolean;
  /** --force-readonly: write files whose mode has no write bit */
  forceReadonly: boolean;
  /** --format: after --write, the repository's own formatter on the written files (cli/format.ts) */
  format: boolean;
  check: boolean;
  /** '-' for stdout, else a file path */
  json?: string;
  sarif?: string;
  only: string[];
  skip: string[];
  jobs?: number;
  color?: boolean;
  diff: boolean;
  /** accepted for older scripts; every file is read by one parser */
  exact: boolean;
  progress?: boolean;
  maxFileSize: number;
  maxLineLength: number;
  /** per-file time budget in milliseconds; 0: none */
  fileTimeoutMs: number;
  /** --extensions: the extensions walks keep (with their dot), replacing the default list */
  extensions?: string[];
  /** --ignore-pattern: gitignore-style globs, relative to the current directory */
  ignorePatterns: string[];
  /** --notes: print the notes about already-safe code */
  notes: boolean;
  reportUnusedDisable: boolean;
  config?: string;
  /** true: the default file at the repository root */
  baseline?: string | true;
  updateBaseline?: string | true;
  help: boolean;
  version: boolean;
  transformOptions: Record<string, unknown>;
}

export const DEFAULT_MAX_FILE_SIZE = 512 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 10_000;
export const DEFAULT_FILE_TIMEOUT_MS = 10_000;

export class UsageError extends Error {}

/**
 * The options the rules read from `options` (the keys of transforms/rules/*\/analyze.ts), each a
 * boolean: `--name`, `--name=true|false`, `--no-name`. test/cli-args.test.ts checks this list
 * against the rules' sources, so a new option cannot be left out.
 */
export const TRANSFORM_OPTIONS: readonly { name: string; rule: string; help: string }[] = [
  { name: 'prefer-signal-timeout', rule: 'abort-timeout', help: 'replace an abort timer by AbortSignal.timeout() when nothing else needs the controller' },
  { name: 'clear-on-sync-throw', rule: 'executor-timeout', help: 'where a try/catch cannot clear the timer when the executor throws after arming it, clear it in .finally() (--no-clear-on-sync-throw: neither, a warning)' },
  { name: 'settle-on-work-rejection', rule: 'executor-timeout', help: 'hand the work\'s rejection to reject() in a `.then(resolve)` with no rejection handler' },
];

type Kind =
  /** no value */
  | 'flag'
  /** a value, `--name value` or `--name=value` */
  | 'value'
  /** a report file: `--name`, `--name=FILE` or `--name FILE` (see takesFollowingFile) */
  | 'report'
  /** an optional value given only as `--name=value`: `--name value` would read `value` as a path */
  | 'attached';

interface Spec {
  name: string;
  short?: string;
  kind: Kind;
  apply(args: CliArgs, value: string | undefined, flag: string): void;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function count(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new UsageError(`${flag} needs a whole number, got '${value}'`);
  return number;
}

function booleanOption(flag: string, value: string | undefined): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`${flag} is true or false, got '${value}'`);
}

// jscodeshift's `--extensions=ts,tsx,js`: with or without the dot; only the grammars parse.ts has.
function extensions(flag: string, value: string): string[] {
  const wanted = list(value).map((extension) => (extension.startsWith('.') ? extension : `.${extension}`).toLowerCase());
  const unknown = wanted.filter((extension) => !SOURCE_EXTENSIONS.includes(extension));
  if (unknown.length > 0) throw new UsageError(`${flag}: ${unknown.join(', ')} cannot be parsed by this tool (it reads ${SOURCE_EXTENSIONS.join(' ')})`);
  if (wanted.length === 0) throw new UsageError(`${flag} needs a list of extensions, e.g. ${flag}=ts,tsx,js`);
  return wanted;
}

const SPECS: Spec[] = [
  { name: 'help', short: 'h', kind: 'flag', apply: (args) => void (args.help = true) },
  { name: 'version', short: 'V', kind: 'flag', apply: (args) => void (args.version = true) },
  { name: 'write', short: 'w', kind: 'flag', apply: (args) => void (args.write = true) },
  // jscodeshift's dry-run flags: a dry run that prints diffs is already the default
  { name: 'dry', short: 'd', kind: 'flag', apply: (args, _value, flag) => dryRun(args, flag) },
  { name: 'dry-run', kind: 'flag', apply: (args, _value, flag) => dryRun(args, flag) },
  { name: 'print', short: 'p', kind: 'flag', apply: (args, _value, flag) => dryRun(args, flag) },
  { name: 'force', short: 'f', kind: 'flag', apply: (args) => void (args.force = true) },
  { name: 'force-readonly', kind: 'flag', apply: (args) => void (args.forceReadonly = true) },
  { name: 'format', kind: 'flag', apply: (args) => void (args.format = true) },
  { name: 'check', kind: 'flag', apply: (args) => void (args.check = true) },
  { name: 'json', kind: 'report', apply: (args, value) => void (args.json = value ?? '-') },
  { name: 'sarif', kind: 'report', apply: (args, value) => void (args.sarif = value ?? '-') },
  { name: 'only', kind: 'value', apply: (args, value) => void args.only.push(...list(value!)) },
  { name: 'skip', kind: 'value', apply: (args, value) => void args.skip.push(...list(value!)) },
  {
    name: 'jobs',
    short: 'j',
    kind: 'value',
    apply: (args, value, flag) => {
      const jobs = count(flag, value!);
      if (jobs === 0) throw new UsageError(`${flag} 0: a run needs at least one thread (leave ${flag} out to let the run choose)`);
      args.jobs = jobs;
    },
  },
  { name: 'color', kind: 'flag', apply: (args) => void (args.color = true) },
  { name: 'no-color', kind: 'flag', apply: (args) => void (args.color = false) },
  { name: 'exact', kind: 'flag', apply: (args) => void (args.exact = true) },
  { name: 'no-diff', kind: 'flag', apply: (args) => void (args.diff = false) },
  { name: 'progress', kind: 'flag', apply: (args) => void (args.progress = true) },
  { name: 'no-progress', kind: 'flag', apply: (args) => void (args.progress = false) },
  { name: 'max-file-size', kind: 'value', apply: (args, value, flag) => void (args.maxFileSize = count(flag, value!)) },
  { name: 'max-line-length', kind: 'value', apply: (args, value, flag) => void (args.maxLineLength = count(flag, value!)) },
  {
    name: 'file-timeout',
    kind: 'value',
    apply: (args, value, flag) => {
      const seconds = Number(value);
      if (value!.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${flag} needs a number of seconds, got '${value}'`);
      args.fileTimeoutMs = Math.round(seconds * 1000);
    },
  },
  { name: 'extensions', kind: 'value', apply: (args, value, flag) => void (args.extensions = extensions(flag, value!)) },
  { name: 'ignore-pattern', kind: 'value', apply: (args, value) => void args.ignorePatterns.push(value!) },
  {
    name: 'parser',
    kind: 'value',
    apply: (_args, _value, flag) => {
      throw new UsageError(
        `${flag} is not an option here: every file is read with the grammar its extension calls for (.ts .mts .cts: typescript; .tsx .js .jsx .mjs .cjs: typescript with JSX; JavaScript with an @flow pragma: flow). Drop ${flag}; a Flow file needs its // @flow pragma`,
      );
    },
  },
  { name: 'notes', kind: 'flag', apply: (args) => void (args.notes = true) },
  { name: 'report-unused-disable', kind: 'flag', apply: (args) => void (args.reportUnusedDisable = true) },
  { name: 'config', kind: 'value', apply: (args, value) => void (args.config = value) },
  { name: 'baseline', kind: 'attached', apply: (args, value, flag) => void (args.baseline = attachedFile(flag, value)) },
  { name: 'update-baseline', kind: 'attached', apply: (args, value, flag) => void (args.updateBaseline = attachedFile(flag, value)) },
  ...TRANSFORM_OPTIONS.flatMap(({ name }): Spec[] => [
    { name, kind: 'attached', apply: (args, value, flag) => void (args.transformOptions[name] = booleanOption(flag, value)) },
    { name: `no-${name}`, kind: 'flag', apply: (args) => void (args.transformOptions[name] = false) },
  ]),
];

const dryFlags = new WeakMap<CliArgs, string>();

function dryRun(args: CliArgs, flag: string): void {
  dryFlags.set(args, flag);
}

function attachedFile(flag: string, value: string | undefined): string | true {
  if (value === '') throw new UsageError(`${flag}= needs a file name`);
  return value ?? true;
}

const BY_NAME = new Map(SPECS.map((spec) => [spec.name, spec]));
const BY_SHORT = new Map(SPECS.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));

/** every long flag, for --help and for suggestions */
export const KNOWN_FLAGS: readonly string[] = SPECS.map((spec) => `--${spec.name}`);

// Damerau–Levenshtein (optimal string alignment): `--wirte` is one transposition from `--write`.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** the known flag nearest to `flag`, when it is near enough to be what was meant */
export function nearestFlag(flag: string): string | undefined {
  const name = flag.replace(/^-+/, '');
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const spec of SPECS) {
    const distance = editDistance(name, spec.name);
    if (distance < bestDistance) {
      best = spec.name;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit ? `--${best}` : undefined;
}

function unknownFlag(flag: string): UsageError {
  const nearest = nearestFlag(flag);
  return new UsageError(`unknown option ${flag}${nearest ? ` (did you mean ${nearest}?)` : ''}`);
}

// `--json FILE`: the next argument is the report file unless it is a flag, a directory (a report
// cannot be one) or a source file (a report never overwrites code): those are paths to scan.
function takesFollowingFile(next: string | undefined, cwd: string): boolean {
  if (next === undefined || next.startsWith('-')) return false;
  if (SOURCE_EXTENSIONS.includes(path.extname(next).toLowerCase())) return false;
  try {
    return !fs.statSync(path.resolve(cwd, next)).isDirectory();
  } catch {
    return true;
  }
}

export function defaultArgs(): CliArgs {
  return {
    paths: [],
    write: false,
    force: false,
    forceReadonly: false,
    format: false,
    check: false,
    only: [],
    skip: [],
    diff: true,
    exact: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
    fileTimeoutMs: DEFAULT_FILE_TIMEOUT_MS,
    ignorePatterns: [],
    notes: false,
    reportUnusedDisable: false,
    help: false,
    version: false,
    transformOptions: {},
  };
}

/** `cwd` is where relative paths are read from (to tell `--json out.json` from `--json src`) */
export function parseArgs(argv: readonly string[], cwd: string = process.cwd()): CliArgs {
  const args = defaultArgs();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      // short flags, one at a time: -w, -j 2, -j2
      const spec = BY_SHORT.get(arg[1]);
      if (spec === undefined) throw unknownFlag(arg);
      const flag = `-${arg[1]}`;
      if (spec.kind === 'value') {
        const value = arg.length > 2 ? arg.slice(2) : argv[++i];
        if (value === undefined) throw new UsageError(`${flag} needs a value`);
        spec.apply(args, value, flag);
      } else if (arg.length > 2) {
        throw unknownFlag(arg);
      } else {
        spec.apply(args, undefined, flag);
      }
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const spec = BY_NAME.get(flag.slice(2));
    if (spec === undefined) throw unknownFlag(flag);
    switch (spec.kind) {
      case 'flag':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        spec.apply(args, undefined, flag);
        break;
      case 'value': {
        let value = inline;
        if (value === undefined) {
          const next = argv[i + 1];
          if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
          value = next;
          i++;
        }
        spec.apply(args, value, flag);
        break;
      }
      case 'report':
        if (inline !== undefined) {
          if (inline === '') throw new UsageError(`${flag}= needs a file name (or leave out the = for stdout)`);
          spec.apply(args, inline, flag);
        } else if (takesFollowingFile(argv[i + 1], cwd)) {
          spec.apply(args, argv[++i], flag);
        } else {
          spec.apply(args, undefined, flag);
        }
        break;
      case 'attached':
        spec.apply(args, inline, flag);
        break;
    }
  }
  if (args.write && dryFlags.has(args)) throw new UsageError(`--write and ${dryFlags.get(args)} contradict each other: a dry run is the default, --write applies the changes`);
  if (args.format && !args.write) throw new UsageError('--format formats the files --write writes: add --write (a dry run prints the diffs as the codemod makes them)');
  if (args.json === '-' && args.sarif === '-') {
    throw new UsageError('--json and --sarif cannot both go to stdout: give one of them a file (--json=FILE)');
  }
  if (args.baseline !== undefined && args.updateBaseline !== undefined) {
    throw new UsageError('--baseline and --update-baseline do not go together: --update-baseline records today\'s sites, --baseline compares with them');
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
