// forgotten-sender [paths…]: every transform of the registry in one pass over a repository.
//   1. list files (git's view of the tree, no node_modules) and read them
//   2. skip what cannot be source (binary, too large, minified) and, by text, what no transform wants
//   3. parse and transform the rest once, over worker threads when there is enough of it
//   4. print diffs / write atomically / emit JSON or SARIF, then a summary; the exit code says how it went
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import type { AnyRule } from '../transforms/engine/rule';
import { registry } from '../transforms/registry';
import { type CliArgs, parseArgs, UsageError } from './args';
import { ansiColors, unifiedDiff } from './diff';
import { type FileOutcome, mayApplyAny, selectRules, type SiteRecord } from './engine';
import { dirtyWorkTrees, listFiles } from './files';
import { chooseThreads, type Job, runJobs } from './pool';
import { type FileProblem, type RunResult, TOOL_NAME, toJson, toSarif } from './sarif';
import { formatSummary, Progress } from './summary';
import { writeFileAtomic } from './write';

export const EXIT_OK = 0;
/** --check found sites left to fix or to review */
export const EXIT_CHECK_FAILED = 1;
/** files failed (unreadable, syntax error, transform crash, write error) or bad usage */
export const EXIT_ERROR = 2;

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

const BOM = '\uFEFF';

export function helpText(codemods: readonly AnyRule[] = registry): string {
  const width = Math.max(...codemods.map((codemod) => codemod.name.length), 4);
  const transforms = codemods.map((codemod) => `  ${codemod.name.padEnd(width)}  ${codemod.summary}`).join('\n');
  return `Usage: ${TOOL_NAME} [options] [paths…]

Runs every transform below over the given files and directories (default: .) in one parse per file.
Directories are walked the way git sees them (.gitignore honoured); node_modules is never entered.
Without --write nothing is written: the changes are printed as unified diffs.

Transforms:
${transforms}

Options:
  --write, -w            apply the changes (each file replaced atomically); refuses a dirty git tree
  --force, -f            with --write: write even when the git work tree has uncommitted changes
  --check                exit 1 when any site is left to fix (fixable) or to review (reported)
  --json[=file]          every site as JSON (file, line, column, transform, status, reason); stdout by default
  --sarif[=file]         the same as SARIF 2.1.0, for code scanning; stdout by default
  --only a,b             run only these transforms
  --skip a,b             run all transforms but these
  --jobs N, -j N         threads, the main one included (default: 1, up to one per core when there
                         are several MB to parse)
  --exact                accepted for older scripts; every file is read by one parser now
  --no-diff              do not print diffs
  --color / --no-color   force colored diffs on or off (default: on when stdout is a terminal)
  --progress / --no-progress
                         progress bar on stderr (default: on when stderr is a terminal)
  --max-file-size N      skip files larger than N bytes (default 524288; 0: no limit)
  --max-line-length N    skip files with a line longer than N characters, i.e. minified bundles
                         (default 10000; 0: no limit)
  --<name>=<value>       any other option is passed to the transforms, as jscodeshift does
                         (e.g. --prefer-signal-timeout=true)
  --help, -h / --version, -V

Exit status: 0 done; 1 --check found sites; 2 some file failed (read, parse, transform, write) or bad usage.
`;
}

function longestLine(source: string): number {
  let longest = 0;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    if (end - start > longest) longest = end - start;
    start = end + 1;
  }
  return longest;
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

interface Loaded {
  file: string;
  original: Buffer;
  hasBom: boolean;
}

export async function main(argv: readonly string[], io?: Partial<Io>): Promise<number> {
  const out: Io = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    cwd: io?.cwd ?? process.cwd(),
    env: io?.env ?? process.env,
  };
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(out, error.message);
  }
  if (args.help) {
    out.stdout.write(helpText());
    return EXIT_OK;
  }
  if (args.version) {
    out.stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
    return EXIT_OK;
  }
  return run(args, registry, out);
}

function usageError(io: Io, message: string): number {
  io.stderr.write(`${TOOL_NAME}: ${message}\nTry '${TOOL_NAME} --help'.\n`);
  return EXIT_ERROR;
}

// The whole run over `available` transforms (the registry; tests pass doubles).
export async function run(args: CliArgs, available: readonly AnyRule[], io: Io): Promise<number> {
  const started = process.hrtime.bigint();
  let codemods: AnyRule[];
  try {
    codemods = selectRules(available, args.only, args.skip);
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const paths = args.paths;

  if (args.write && !args.force) {
    const dirty = dirtyWorkTrees(paths);
    if (dirty.length > 0) {
      for (const { root, status } of dirty) {
        io.stderr.write(`${TOOL_NAME}: refusing to --write: the git work tree ${root} has uncommitted changes:\n${status}`);
      }
      io.stderr.write(`Commit or stash them first, so the codemod's changes can be reviewed alone, or pass --force.\n`);
      return EXIT_ERROR;
    }
  }

  const listing = listFiles(paths);
  const problems: FileProblem[] = listing.missing.map((file) => ({ file, kind: 'error', reason: 'no such file or directory' }));
  const showProgress = args.progress ?? (io.stderr.isTTY === true && io.env.CI === undefined);
  const progress = new Progress(io.stderr, showProgress);

  const jobs: Job[] = [];
  const loaded = new Map<string, Loaded>();
  const maxFileSize = args.maxFileSize || Number.POSITIVE_INFINITY;
  const maxLineLength = args.maxLineLength || Number.POSITIVE_INFINITY;
  listing.files.forEach((file, index) => {
    progress.update('reading', index, listing.files.length);
    let original: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > maxFileSize) {
        problems.push({ file, kind: 'skipped', reason: `larger than ${args.maxFileSize} bytes (${size}); raise --max-file-size to include it` });
        return;
      }
      original = fs.readFileSync(file);
    } catch (error) {
      problems.push({ file, kind: 'error', reason: `unreadable (${describeError(error)})` });
      return;
    }
    if (original.includes(0)) {
      problems.push({ file, kind: 'skipped', reason: 'binary file (contains a NUL byte)' });
      return;
    }
    let source = original.toString('utf8');
    const hasBom = source.startsWith(BOM);
    // The BOM is not code: the transforms see the text without it, and --write puts it back.
    if (hasBom) source = source.slice(1);
    if (!mayApplyAny(codemods, source)) return;
    // Decoding replaced invalid bytes with U+FFFD: rewriting the file would corrupt them.
    if (!isUtf8(original)) {
      problems.push({ file, kind: 'skipped', reason: 'not UTF-8 text' });
      return;
    }
    const longest = longestLine(source);
    if (longest > maxLineLength) {
      problems.push({ file, kind: 'skipped', reason: `minified or generated (a line of ${longest} characters); raise --max-line-length to include it` });
      return;
    }
    jobs.push({ path: file, source });
    loaded.set(file, { file, original, hasBom });
  });

  const outcomes: FileOutcome[] = [];
  const threads = chooseThreads(jobs, args.jobs);
  const options = { ...args.transformOptions };
  await runJobs(codemods, jobs, options, threads, (outcome) => {
    outcomes.push(outcome);
    progress.update('transforming', outcomes.length, jobs.length);
  });
  progress.done();
  outcomes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const colors = (args.color ?? (io.stdout.isTTY === true && io.env.NO_COLOR === undefined)) ? ansiColors : undefined;
  const machineOnStdout = args.json === '-' || args.sarif === '-';
  const sites: SiteRecord[] = [];
  const changedFiles: string[] = [];
  let parsed = 0;
  for (const outcome of outcomes) {
    if (outcome.parsed) parsed++;
    if (outcome.error !== undefined) {
      // Flow without its pragma is read as TypeScript-flavoured JS and fails on the first type.
      const flowHint = outcome.errorAt && /\.[cm]?jsx?$/i.test(outcome.path) ? ' (if this is Flow code, add a // @flow pragma)' : '';
      problems.push({ file: outcome.path, kind: 'error', reason: `${outcome.error}${flowHint}`, ...outcome.errorAt });
      continue;
    }
    sites.push(...outcome.sites);
    // an analysis that threw (or a fix that did not parse) lost its site: the run failed there
    for (const site of outcome.sites) {
      if (site.verdict === 'crashed') problems.push({ file: outcome.path, kind: 'error', reason: `${site.transform}: ${site.reason}`, line: site.line, column: site.column });
    }
    if (outcome.output === undefined) continue;
    const file = loaded.get(outcome.path);
    if (file === undefined) continue;
    if (args.diff && !machineOnStdout) {
      const before = file.original.toString('utf8').slice(file.hasBom ? 1 : 0);
      io.stdout.write(unifiedDiff(outcome.path, before, outcome.output, { colors }));
    }
    if (args.write) {
      try {
        writeFileAtomic(file.file, Buffer.from((file.hasBom ? BOM : '') + outcome.output, 'utf8'), file.original);
      } catch (error) {
        problems.push({ file: outcome.path, kind: 'error', reason: `not written (${describeError(error)})` });
        continue;
      }
    }
    changedFiles.push(outcome.path);
  }

  const perTransform: Record<string, { fixed: number; reported: number }> = {};
  for (const codemod of codemods) perTransform[codemod.name] = { fixed: 0, reported: 0 };
  for (const site of sites) {
    perTransform[site.transform] ??= { fixed: 0, reported: 0 };
    perTransform[site.transform][site.status]++;
  }
  const errors = problems.filter((problem) => problem.kind === 'error').length;
  const result: RunResult = {
    written: args.write,
    sites,
    problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    changedFiles,
    summary: {
      filesScanned: listing.files.length,
      filesParsed: parsed,
      filesChanged: changedFiles.length,
      filesSkipped: problems.filter((problem) => problem.kind === 'skipped').length,
      errors,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      perTransform,
    },
  };

  if (args.json !== undefined) emit(io, args.json, toJson(result));
  if (args.sarif !== undefined) emit(io, args.sarif, toSarif(result, codemods, io.cwd));
  for (const problem of result.problems) {
    const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
    io.stderr.write(`${where}: ${problem.kind === 'error' ? 'error' : 'skipped'}: ${problem.reason}\n`);
  }
  for (const site of sites) {
    if (site.status === 'reported') io.stderr.write(`${site.file}:${site.line}:${site.column}: ${site.reason}\n`);
  }
  io.stderr.write(formatSummary(result, threads));

  if (errors > 0) return EXIT_ERROR;
  // A note marks code that is already safe: printed, never a finding.
  const remaining = sites.filter((site) => site.severity !== 'note' && (site.status === 'reported' || !args.write)).length;
  if (args.check && remaining > 0) return EXIT_CHECK_FAILED;
  return EXIT_OK;
}

function emit(io: Io, target: string, text: string): void {
  if (target === '-') io.stdout.write(text);
  else fs.writeFileSync(target, text);
}
