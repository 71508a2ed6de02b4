// forgotten-sender [paths…]: every transform of the registry in one pass over a repository.
//   1. read the repository's config, check the output paths, list files (git's view of the tree, no
//      node_modules) and read them
//   2. skip what cannot be source (binary, too large, minified) and, by text, what no transform wants
//   3. parse and transform the rest once, over worker threads when there is enough of it
//   4. print diffs / write atomically / emit JSON or SARIF, then a summary; the exit code says how it went
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../transforms/engine/rule';
import { registry } from '../transforms/registry';
import { MODULE_BASE, ModuleIndex, diskHostAt } from '../transforms/model/modules';
import { HELPER_REFUSALS, HELPER_UPGRADES, UPGRADE_AT, UPGRADE_EXPORTED, UPGRADE_FILE, callerProblem } from '../transforms/model/upgrade';
import { type CliArgs, parseArgs, TRANSFORM_OPTIONS, UsageError } from './args';
import { assignFingerprints, BASELINE_FILE, type BaselineEntry, BaselineError, baselineWorthy, readBaseline, rootRelative, writeBaseline } from './baseline';
import { ConfigError, IGNORE_FILE, loadConfig, repositoryRoot } from './config';
import { ansiColors, unifiedDiff } from './diff';
import { type FileOutcome, mayApplyAny, selectRules, type UnusedDisable } from './engine';
import { describeFsError, dirtyWorkTrees, listFiles, type PathFilter, SOURCE_EXTENSIONS } from './files';
import { formatChanges } from './format';
import { chooseThreads, coreCount, type Job, runJobs } from './pool';
import { type FileProblem, type RunResult, TOOL_NAME, type TransformCounts, toJson, toSarif } from './sarif';
import { formatProblem, formatSite, formatSummary, formatUnused, Progress } from './summary';
import { removeStaleTempFiles, WriteRefusal, writeFileAtomic, writeProblem } from './write';

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
  const optionWidth = Math.max(...TRANSFORM_OPTIONS.map((option) => option.name.length)) + 2;
  const transformOptions = TRANSFORM_OPTIONS.map((option) => `  --${option.name.padEnd(optionWidth)} ${option.rule}: ${option.help}`).join('\n');
  return `Usage: ${TOOL_NAME} [options] [paths…]

Runs every transform below over the given files and directories (default: .) in one parse per file.
Directories are walked the way git sees them (.gitignore honoured); node_modules is never entered.
Without --write nothing is written: the changes are printed as unified diffs.

Transforms:
${transforms}

Options:
  --write, -w            apply the changes (each file replaced atomically); refuses a dirty git tree
  --force, -f            with --write: write even when the git work tree has uncommitted changes
  --force-readonly       with --write: also write files that have no write permission
  --format               with --write: then run the repository's own prettier, biome or dprint
                         (from its node_modules/.bin) on the written files only
  --check                exit 1 when a site is left to fix (fixable) or to review (error, warning)
  --json [file]          every site as JSON; stdout without a file (--json=file works too)
  --sarif [file]         SARIF 2.1.0 for code scanning; stdout without a file
  --notes                also print the notes about code that is already safe
  --baseline[=file]      report, and fail --check, only for sites not in the baseline
                         (default file: .forgotten-sender-baseline.json at the repository root)
  --update-baseline[=file]  record today's sites as the baseline
  --report-unused-disable   list disable comments that match no site (they fail --check)
  --config file          read this config instead of forgotten-sender.config.json
  --only a,b             run only these transforms
  --skip a,b             run all transforms but these
  --extensions ts,js     the file extensions walks keep (default: ts tsx mts cts js jsx mjs cjs)
  --ignore-pattern glob  leave out files matching a gitignore-style glob (repeatable); the
                         lines of .forgotten-senderignore at the repository root do the same
  --jobs N, -j N         threads, the main one included, at most one per core (default: 1, more
                         when there are several MB to parse)
  --file-timeout S       stop a file that takes longer than S seconds (default 10; 0: no limit)
  --no-diff              do not print diffs
  --color / --no-color   force colored diffs on or off (default: on when stdout is a terminal)
  --progress / --no-progress
                         progress bar on stderr (default: on when stderr is a terminal)
  --max-file-size N      skip files larger than N bytes (default 524288; 0: no limit)
  --max-line-length N    skip files with a line longer than N characters, i.e. minified bundles
                         (default 10000; 0: no limit)
  --dry, -d, --dry-run, --print, -p
                         accepted, as in jscodeshift: a dry run is the default
  --parser               refused: each file is read with the grammar its extension calls for
  --exact                accepted for older scripts; every file is read by one parser now
  --help, -h / --version, -V

Transform options (also "rules" in forgotten-sender.config.json):
${transformOptions}
  Each is --name, --name=true|false or --no-name.

Disable comments: // forgotten-sender-disable-next-line [rule, …] [-- reason]
                  // forgotten-sender-disable-line [rule, …]
                  /* forgotten-sender-disable [rule, …] */  (the whole file)

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

interface Loaded {
  /** as listed */
  file: string;
  /** where it is written: the target of a symbolic link */
  real: string;
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
    args = parseArgs(argv, out.cwd);
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

/** a file the run will write, checked before any work: its directory exists and takes files */
function outputProblem(flag: string, file: string): string | undefined {
  try {
    if (fs.statSync(file).isDirectory()) return `${flag}: ${file} is a directory`;
    // `--sarif=src/index.ts` is a typo, not a wish to replace the code with a report
    if (SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase())) return `${flag}: ${file} is a source file; a report never overwrites code`;
  } catch {
    // a new file
  }
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) return `${flag}: ${dir} is not a directory`;
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    return `${flag}: cannot write into ${dir}: ${describeFsError(error)}`;
  }
  return undefined;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface Execution {
  exitCode: number;
  result?: RunResult;
  /** the text before and after of every file changed (or to change) */
  changes: { file: string; before: string; after: string; bom?: true }[];
  threads: number;
  /** one-line notices for stderr (a capped --jobs, a baseline written) */
  notices: string[];
  /** a usage or config error: the run did not start */
  fatal?: string;
}

/** The whole run over `available` transforms, without printing (the programmatic API's core). */
export async function execute(args: CliArgs, available: readonly AnyRule[], io: Io): Promise<Execution> {
  const started = process.hrtime.bigint();
  const notices: string[] = [];
  const stop = (message: string): Execution => ({ exitCode: EXIT_ERROR, changes: [], threads: 1, notices, fatal: message });
  const cwd = io.cwd;
  let root: string;
  try {
    root = repositoryRoot(cwd);
  } catch (error) {
    return stop(`${cwd}: ${describeFsError(error)}`);
  }

  let config;
  try {
    config = loadConfig(root, cwd, args.config, available.map((rule) => rule.name));
  } catch (error) {
    if (error instanceof ConfigError) return stop(error.message);
    throw error;
  }
  let codemods: AnyRule[];
  try {
    codemods = selectRules(available, args.only, args.skip).filter((rule) => !config.off.includes(rule.name) || args.only.includes(rule.name));
  } catch (error) {
    return stop(error instanceof Error ? error.message : String(error));
  }
  // the rules read a helper's file relative to where the paths given start
  const options = { ...config.options, ...args.transformOptions, [MODULE_BASE]: cwd };

  // Every file the run will write is checked before any work, so a typo costs nothing.
  const outputs: [string, string | undefined][] = [
    ['--json', args.json],
    ['--sarif', args.sarif],
    ['--update-baseline', args.updateBaseline === undefined ? undefined : args.updateBaseline === true ? path.join(root, BASELINE_FILE) : args.updateBaseline],
  ];
  for (const [flag, file] of outputs) {
    if (file === undefined || file === '-') continue;
    const problem = outputProblem(flag, path.resolve(cwd, file));
    if (problem) return stop(problem);
  }
  let baseline: { file: string; fingerprints: Set<string>; entries: BaselineEntry[] } | undefined;
  if (args.baseline !== undefined) {
    const file = args.baseline === true ? path.join(root, BASELINE_FILE) : path.resolve(cwd, args.baseline);
    try {
      const entries = readBaseline(file);
      baseline = { file, fingerprints: new Set(entries.map((entry) => entry.fingerprint)), entries };
    } catch (error) {
      if (error instanceof BaselineError) return stop(error.message);
      throw error;
    }
  }
  if (args.jobs !== undefined && args.jobs > coreCount()) notices.push(`--jobs ${args.jobs}: capped at ${coreCount()}, the number of cores (more threads only cost memory)`);

  const paths = args.paths;
  if (args.write && !args.force) {
    const dirty = dirtyWorkTrees(paths, cwd);
    if (dirty.length > 0) {
      const lines = dirty.map(({ root: tree, status }) => `refusing to --write: the git work tree ${tree} has uncommitted changes:\n${status.trimEnd()}`);
      return stop(`${lines.join('\n')}\nCommit or stash them first, so the codemod's changes can be reviewed alone, or pass --force.`);
    }
  }

  const filters: PathFilter[] = [
    { mode: 'include', base: root, globs: config.include, source: path.basename(config.file ?? 'the config') },
    { mode: 'ignore', base: root, globs: config.ignore, source: path.basename(config.file ?? 'the config') },
    { mode: 'ignore', base: root, globs: config.ignoreFile, source: IGNORE_FILE },
    { mode: 'ignore', base: path.resolve(cwd), globs: args.ignorePatterns, source: '--ignore-pattern' },
  ];
  const listing = listFiles(paths, { cwd, extensions: args.extensions, filters });
  const problems: FileProblem[] = [...listing.missing.map((file) => ({ file, kind: 'error' as const, reason: 'no such file or directory' })), ...listing.problems];
  const showProgress = args.progress ?? (io.stderr.isTTY === true && io.env.CI === undefined);
  const progress = new Progress(io.stderr, showProgress);

  if (args.write) removeStaleTempFiles(new Set(listing.files.map((file) => path.dirname(path.resolve(cwd, file)))));

  const jobs: Job[] = [];
  const loaded = new Map<string, Loaded>();
  const seenReal = new Set<string>();
  const maxFileSize = args.maxFileSize || Number.POSITIVE_INFINITY;
  const maxLineLength = args.maxLineLength || Number.POSITIVE_INFINITY;
  const realCwd = fs.realpathSync(cwd);
  /** files read that no rule applies to: a helper of another file's race may be among them */
  const passedOver = new Set<string>();
  const admit = (file: string, whether: (source: string) => boolean): void => {
    let real: string;
    let original: Buffer;
    try {
      real = fs.realpathSync(path.resolve(cwd, file));
      // A path into the repository that a symbolic link leads out of it: never followed, so never
      // read or written there (a path named outside the repository is the user's to name).
      if (isInside(path.resolve(realCwd, file), root) && !isInside(real, root)) {
        problems.push({ file, kind: 'skipped', reason: `a symbolic link leads out of the repository (to ${real}); not followed` });
        return;
      }
      if (seenReal.has(real)) return;
      seenReal.add(real);
      const stat = fs.statSync(real);
      // a FIFO named on the command line would block the read for ever (a walk lists regular files only)
      if (!stat.isFile()) {
        problems.push({ file, kind: 'skipped', reason: 'not a regular file (a FIFO, socket or device); not read' });
        return;
      }
      const size = stat.size;
      if (size > maxFileSize) {
        problems.push({ file, kind: 'skipped', reason: `larger than ${args.maxFileSize} bytes (${size}); raise --max-file-size to include it` });
        return;
      }
      original = fs.readFileSync(real);
    } catch (error) {
      problems.push({ file, kind: 'error', reason: `unreadable: ${describeFsError(error)}` });
      return;
    }
    // Text is what decodes as UTF-8, NUL characters and all (a "\0" in a string literal is text).
    const utf8 = isUtf8(original);
    if (!utf8 && original.includes(0)) {
      problems.push({ file, kind: 'skipped', reason: 'binary file (not UTF-8, and holds NUL bytes)' });
      return;
    }
    let source = original.toString('utf8');
    const hasBom = source.startsWith(BOM);
    // The BOM is not code: the transforms see the text without it, and --write puts it back.
    if (hasBom) source = source.slice(1);
    if (!whether(source)) {
      passedOver.add(path.resolve(cwd, file));
      return;
    }
    // Decoding replaced invalid bytes with U+FFFD: rewriting the file would corrupt them.
    if (!utf8) {
      problems.push({ file, kind: 'skipped', reason: 'not UTF-8 text' });
      return;
    }
    const longest = longestLine(source);
    if (longest > maxLineLength) {
      problems.push({ file, kind: 'skipped', reason: `minified or generated (a line of ${longest} characters); raise --max-line-length to include it` });
      return;
    }
    jobs.push({ path: file, source });
    loaded.set(file, { file, real, original, hasBom });
  };
  listing.files.forEach((file, index) => {
    progress.update('reading', index, listing.files.length);
    admit(file, (source) => mayApplyAny(codemods, source));
  });
  // a helper's file is read when a race asks for it
  const admitHelper = (absolute: string): Job | undefined => {
    if (!passedOver.has(absolute)) return undefined;
    passedOver.delete(absolute);
    const file = listing.files.find((candidate) => path.resolve(cwd, candidate) === absolute);
    if (file !== undefined) {
      // read once already, and passed over: read again, for this
      try {
        seenReal.delete(fs.realpathSync(absolute));
      } catch {
        return undefined;
      }
      admit(file, () => true);
    }
    return jobs.find((job) => path.resolve(cwd, job.path) === absolute);
  };

  const outcomes: FileOutcome[] = [];
  const threads = chooseThreads(jobs, args.jobs);
  await runJobs(
    codemods,
    jobs,
    options,
    threads,
    (outcome) => {
      outcomes.push(outcome);
      progress.update('transforming', outcomes.length, jobs.length);
    },
    { fileTimeoutMs: args.fileTimeoutMs },
  );
  progress.done();
  const helperFiles = await upgradeHelpers(codemods, jobs, listing.files, admitHelper, outcomes, options, threads, cwd, { fileTimeoutMs: args.fileTimeoutMs });
  outcomes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const sites: RunResult['sites'] = [];
  const changedFiles: string[] = [];
  const changes: Execution['changes'] = [];
  const unusedDisables: UnusedDisable[] = [];
  let parsed = 0;
  let suppressed = 0;
  // a helper made cancellable is written before the races that pass it a signal: if it cannot be,
  // they are not written either
  const unwritten = new Set<string>();
  const helpers = new Set([...helperFiles.values()].flatMap((files) => [...files]));
  const writeOrder = [...outcomes.filter((outcome) => helpers.has(outcome.path)), ...outcomes.filter((outcome) => !helpers.has(outcome.path))];
  // all or none: a helper is not written when a race that passes it a signal could not be (read-only,
  // changed on disk), so that no file is left changed for a fix that did not land
  const heldBack = new Map<string, string>();
  if (args.write) {
    for (const outcome of outcomes) {
      const file = loaded.get(outcome.path);
      const needed = helperFiles.get(outcome.path);
      if (outcome.output === undefined || file === undefined || !needed || needed.size === 0) continue;
      const problem = writeProblem(file.real, file.original, { forceReadonly: args.forceReadonly });
      if (problem !== undefined) for (const helper of needed) if (!heldBack.has(helper)) heldBack.set(helper, `${outcome.path} (${problem})`);
    }
  }
  for (const outcome of writeOrder) {
    if (outcome.parsed) parsed++;
    if (outcome.error !== undefined) {
      // Flow without its pragma is read as TypeScript-flavoured JS and fails on the first type.
      const flowHint = outcome.errorAt && /\.[cm]?jsx?$/i.test(outcome.path) ? ' (if this is Flow code, add a // @flow pragma)' : '';
      problems.push({ file: outcome.path, kind: 'error', reason: `${outcome.error}${flowHint}`, ...outcome.errorAt });
      continue;
    }
    assignFingerprints(outcome, rootRelative(root, loaded.get(outcome.path)?.real ?? path.resolve(cwd, outcome.path)));
    sites.push(...outcome.sites);
    suppressed += outcome.suppressed ?? 0;
    if (args.reportUnusedDisable) unusedDisables.push(...(outcome.unusedDisables ?? []));
    // an analysis that threw (or a fix that did not parse) lost its site: the run failed there
    for (const site of outcome.sites) {
      if (site.verdict === 'crashed') problems.push({ file: outcome.path, kind: 'error', reason: `${site.transform}: ${site.reason}`, line: site.line, column: site.column });
    }
    if (outcome.output === undefined) continue;
    const file = loaded.get(outcome.path);
    if (file === undefined) continue;
    const needs = [...(helperFiles.get(outcome.path) ?? [])].find((helper) => unwritten.has(helper));
    if (args.write && needs !== undefined) {
      problems.push({ file: outcome.path, kind: 'error', reason: `not written: it passes a signal to the helper of ${needs}, which could not be written` });
      continue;
    }
    const waitingFor = heldBack.get(outcome.path);
    if (args.write && waitingFor !== undefined) {
      problems.push({ file: outcome.path, kind: 'error', reason: `not written: a race that passes this helper a signal, in ${waitingFor}, could not be written` });
      unwritten.add(outcome.path);
      continue;
    }
    if (args.write) {
      try {
        writeFileAtomic(file.real, Buffer.from((file.hasBom ? BOM : '') + outcome.output, 'utf8'), file.original, { forceReadonly: args.forceReadonly });
      } catch (error) {
        problems.push({ file: outcome.path, kind: 'error', reason: `not written: ${error instanceof WriteRefusal ? error.message : describeFsError(error)}` });
        unwritten.add(outcome.path);
        continue;
      }
    }
    changedFiles.push(outcome.path);
    changes.push({ file: outcome.path, before: file.original.toString('utf8').slice(file.hasBom ? 1 : 0), after: outcome.output, ...(file.hasBom ? { bom: true as const } : {}) });
  }
  changedFiles.sort();
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (args.format && args.write) formatChanges(root, changes, loaded, problems, notices, io.env);

  let baselineSummary: RunResult['summary']['baseline'];
  if (baseline !== undefined) {
    const found = new Set<string>();
    const scanned = new Set(listing.files.map((file) => rootRelative(root, path.resolve(cwd, file))));
    for (const site of sites) {
      if (site.fingerprint === undefined || !baselineWorthy(site, args.write)) continue;
      const known = baseline.fingerprints.has(site.fingerprint);
      site.baseline = known ? 'unchanged' : 'new';
      if (known) found.add(site.fingerprint);
    }
    const known = sites.filter((site) => site.baseline === 'unchanged').length;
    // only the files this run scanned can tell whether their baselined sites are gone
    let gone = 0;
    for (const entry of baseline.entries) if (scanned.has(entry.file) && !found.has(entry.fingerprint)) gone++;
    baselineSummary = { file: baseline.file, known, gone };
  }
  if (args.updateBaseline !== undefined) {
    const file = args.updateBaseline === true ? path.join(root, BASELINE_FILE) : path.resolve(cwd, args.updateBaseline);
    // the files whose sites this run knows: read through, not skipped, not failed
    const unjudged = new Set(problems.map((problem) => path.resolve(cwd, problem.file)));
    const judged = new Set(listing.files.filter((listed) => !unjudged.has(path.resolve(cwd, listed))).map((listed) => rootRelative(root, path.resolve(cwd, listed))));
    const { count, kept } = writeBaseline(
      file,
      sites.filter((site) => baselineWorthy(site, args.write)),
      root,
      cwd,
      judged,
    );
    const keptNote = kept > 0 ? ` (${kept} of them kept from files this run did not read through)` : '';
    notices.push(`baseline: ${count} site${count === 1 ? '' : 's'} recorded in ${path.relative(cwd, file) || file}${keptNote}`);
  }

  // with --write, a fix whose file could not be written did not land: still open, and counted so
  if (args.write) {
    const written = new Set(changedFiles);
    for (const site of sites) if (site.status === 'fixed' && !written.has(site.file)) site.status = 'reported';
  }
  const perTransform: Record<string, TransformCounts> = {};
  for (const codemod of codemods) perTransform[codemod.name] = { fixed: 0, reported: 0, notes: 0 };
  for (const site of sites) {
    perTransform[site.transform] ??= { fixed: 0, reported: 0, notes: 0 };
    const counts = perTransform[site.transform];
    if (site.status === 'fixed') counts.fixed++;
    else if (site.severity === 'note') counts.notes++;
    else counts.reported++;
  }
  const errors = problems.filter((problem) => problem.kind === 'error').length;
  const result: RunResult = {
    written: args.write,
    root,
    cwd,
    sites,
    problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    changedFiles,
    unusedDisables,
    summary: {
      filesScanned: listing.files.length,
      filesParsed: parsed,
      filesChanged: changedFiles.length,
      filesSkipped: problems.filter((problem) => problem.kind === 'skipped').length,
      errors,
      suppressed,
      ...(baselineSummary ? { baseline: baselineSummary } : {}),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      perTransform,
    },
  };

  let exitCode = EXIT_OK;
  if (errors > 0) exitCode = EXIT_ERROR;
  else if (args.check && (sitesLeft(result).length > 0 || unusedDisables.length > 0)) exitCode = EXIT_CHECK_FAILED;
  return { exitCode, result, changes, threads, notices };
}

/** the sites --check fails on: fixable (unless written), errors and warnings; never notes or baselined ones */
// The second pass: races that wait on a sleep helper of another file of the run, which that file can
// be made to cancel (transforms/model/upgrade.ts). Each such helper's file and the races' files run
// again with the helpers made cancellable; a group is taken whole or not at all (an error in any of
// its files, or a helper that was not made so, keeps the first pass for all of them). Returns, per
// race file changed so, the helper files it relies on.
async function upgradeHelpers(codemods: readonly AnyRule[], jobs: readonly Job[], files: readonly string[], admit: (absolute: string) => Job | undefined, outcomes: FileOutcome[], options: Record<string, unknown>, threads: number, cwd: string, settings: { fileTimeoutMs?: number }): Promise<Map<string, Set<string>>> {
  const relies = new Map<string, Set<string>>();
  if (!codemods.some((codemod) => codemod.name === 'race-timeout')) return relies;
  const jobOf = new Map(jobs.map((job) => [path.resolve(cwd, job.path), job]));
  const upgrades = new Map<string, { file: string; at: number }>();
  const racesOf = new Map<string, Set<string>>();
  for (const outcome of outcomes) {
    if (outcome.error !== undefined) continue;
    for (const site of outcome.sites) {
      const file = site.data[UPGRADE_FILE];
      if (site.messageId !== 'helperNotCancellable' || file === undefined) continue;
      const absolute = path.resolve(cwd, file);
      let helper = jobOf.get(absolute);
      if (!helper) {
        helper = admit(absolute);
        if (helper) jobOf.set(absolute, helper);
      }
      // a helper of the race's own file is done there, unless its file exports it
      if (!helper || (helper.path === outcome.path && site.data[UPGRADE_EXPORTED] === undefined)) continue;
      const at = Number(site.data[UPGRADE_AT]);
      upgrades.set(`${helper.path}\0${at}`, { file: helper.path, at });
      racesOf.set(helper.path, (racesOf.get(helper.path) ?? new Set()).add(outcome.path));
    }
  }
  if (upgrades.size === 0) return relies;
  // every use of each helper across the run's files must be a call the new parameter leaves as it is
  const modules = new ModuleIndex(diskHostAt(cwd), [], cwd);
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const refusals: Array<{ file: string; at: number; reason: string }> = [];
  for (const [key, upgrade] of [...upgrades]) {
    const problem = callerProblem(modules, upgrade.file, upgrade.at, files, read, (file) => path.resolve(cwd, file));
    if (problem === undefined) continue;
    refusals.push({ ...upgrade, reason: problem });
    upgrades.delete(key);
  }
  const again = new Set<string>([...racesOf.keys(), ...[...racesOf.values()].flatMap((races) => [...races])]);
  const second = new Map<string, FileOutcome>();
  await runJobs(codemods, [...jobOf.values()].filter((job) => again.has(job.path)), { ...options, [HELPER_UPGRADES]: [...upgrades.values()], [HELPER_REFUSALS]: refusals }, Math.min(threads, again.size), (outcome) => second.set(outcome.path, outcome), settings);
  // groups: a helper file with the races that wait on it, joined where a race waits on several
  const groups: Array<Set<string>> = [];
  for (const [helper, races] of racesOf) {
    const group = new Set([helper, ...races]);
    for (const other of groups.filter((candidate) => [...group].some((file) => candidate.has(file)))) {
      for (const file of other) group.add(file);
      groups.splice(groups.indexOf(other), 1);
    }
    groups.push(group);
  }
  // the races of a helper refused for its callers: their findings now say why
  for (const refusal of refusals) {
    if (upgrades.size > 0 && [...upgrades.values()].some((upgrade) => upgrade.file === refusal.file)) continue;
    const elsewhere = new Set([...racesOf].filter(([helper]) => helper !== refusal.file && [...upgrades.values()].some((upgrade) => upgrade.file === helper)).flatMap(([, races]) => [...races]));
    for (const race of racesOf.get(refusal.file) ?? []) {
      // a race that also waits on a helper that is changed goes with that helper's group
      if (elsewhere.has(race)) continue;
      const index = outcomes.findIndex((outcome) => outcome.path === race);
      const redone = second.get(race);
      if (index !== -1 && redone && redone.error === undefined) outcomes[index] = redone;
    }
    racesOf.delete(refusal.file);
  }
  for (const group of groups) {
    const helpers = [...group].filter((file) => racesOf.has(file));
    if (helpers.length === 0) continue;
    const whole = [...group].every((file) => second.get(file) !== undefined && second.get(file)!.error === undefined) && helpers.every((file) => second.get(file)!.sites.some((site) => site.messageId === 'fixedHelperCancellable'));
    if (!whole) continue;
    for (let index = 0; index < outcomes.length; index += 1) if (group.has(outcomes[index].path)) outcomes[index] = second.get(outcomes[index].path)!;
    // a helper's file no rule had read in the first pass
    for (const file of group) if (!outcomes.some((outcome) => outcome.path === file)) outcomes.push(second.get(file)!);
    for (const [helper, races] of racesOf) if (group.has(helper)) for (const race of races) relies.set(race, (relies.get(race) ?? new Set()).add(helper));
  }
  return relies;
}

export function sitesLeft(result: RunResult): RunResult['sites'] {
  return result.sites.filter((site) => site.severity !== 'note' && site.baseline !== 'unchanged' && (site.status === 'reported' || !result.written));
}

// The whole run, printed: diffs on stdout, reports and the summary on stderr (tests pass doubles of `available`).
export async function run(args: CliArgs, available: readonly AnyRule[], io: Io): Promise<number> {
  const execution = await execute(args, available, io);
  if (execution.fatal !== undefined || execution.result === undefined) {
    io.stderr.write(`${TOOL_NAME}: ${execution.fatal}\n`);
    return execution.exitCode;
  }
  const { result } = execution;
  const colors = (args.color ?? (io.stdout.isTTY === true && io.env.NO_COLOR === undefined)) ? ansiColors : undefined;
  const machineOnStdout = args.json === '-' || args.sarif === '-';
  if (args.diff && !machineOnStdout) {
    for (const change of execution.changes) io.stdout.write(unifiedDiff(change.file, change.before, change.after, { colors, bom: change.bom }));
  }
  const codemods = available.filter((rule) => rule.name in result.summary.perTransform);
  if (args.json !== undefined) emit(io, args.json, toJson(result));
  if (args.sarif !== undefined) emit(io, args.sarif, toSarif(result, codemods, { notes: args.notes }));
  for (const notice of execution.notices) io.stderr.write(`${TOOL_NAME}: ${notice}\n`);
  // skipped files here; the errors once, at the end of the summary, where they do not scroll away
  for (const problem of result.problems) if (problem.kind === 'skipped') io.stderr.write(formatProblem(problem));
  for (const site of result.sites) {
    if (site.status !== 'reported' || site.baseline === 'unchanged') continue;
    if (site.severity === 'note' && !args.notes) continue;
    io.stderr.write(formatSite(site));
  }
  for (const unused of result.unusedDisables) io.stderr.write(formatUnused(unused));
  io.stderr.write(formatSummary(result, execution.threads, { notes: args.notes }));
  return execution.exitCode;
}

function emit(io: Io, target: string, text: string): void {
  if (target === '-') io.stdout.write(text);
  else fs.writeFileSync(path.resolve(io.cwd, target), text);
}
