// forgotten-sender verify [paths…] -- <test command…>: the proof on the user's own tests. The
// command runs twice with the leak tracker (track/) preloaded: in the user's tree, then in a
// temporary git worktree where the codemod has written its fixes. Each site of the CLI's --json
// gets the resources it leaked in each run, and the tests their passed/failed counts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { SiteRecord } from '../engine';
import { EXIT_ERROR, main } from '../main';
import { TOOL_NAME } from '../sarif';
import { addWorktree, GitError, repositoryRoot, type Worktree } from './git';
import { CommandError, type RunOutcome, runTests, type Sink } from './run';
import { countInRanges, type LineRange, lineMap, readReports, readSource, siteRange } from './sites';
import type { TestCounts } from './test-counts';

export const EXIT_OK = 0;
/** a test that passed before fails after, or a fixed site still leaks */
export const EXIT_REGRESSION = 1;

export interface VerifyIo {
  stdout: Sink;
  stderr: Sink;
  cwd: string;
  env: Record<string, string | undefined>;
  /** track/index.mjs of this package */
  trackerPath: string;
}

export interface VerifiedSite {
  file: string;
  line: number;
  rule: string;
  status: 'fixed' | 'reported';
  before: number;
  after: number;
  armed: { before: number; after: number };
}

export interface VerifyResult {
  sites: VerifiedSite[];
  tests: { before: TestCounts | null; after: TestCounts | null };
}

export const VERIFY_HELP = `Usage: ${TOOL_NAME} verify [options] [paths…] -- <test command…>

Runs the test command with the leak tracker, applies the codemod to a temporary git worktree of
the repository (never to your tree; uncommitted and untracked changes are carried over, the
worktree is removed afterwards), runs the command there too, and prints, for each site the codemod
finds in [paths] (default: the repository root), the timers and listeners it leaked before and
after the fix, and the tests passed/failed before and after.

Options:
  --json[=file]    the result as JSON (stdout when no file; the test output then goes to stderr)
  --only a,b / --skip a,b / --<name>=<value>
                   passed to the codemod, as in the main command
  --help, -h

Exit status: 0 no regression; 1 a test that passed before fails after, or a fixed site still
leaks; 2 bad usage, a command that cannot start, or no git repository.
`;

interface VerifyArgs {
  json?: string;
  /** the codemod's options, its paths apart */
  options: string[];
  paths: string[];
  command: string[];
}

function parseVerifyArgs(argv: readonly string[]): VerifyArgs | 'help' {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? [...argv] : argv.slice(0, separator);
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  let json: string | undefined;
  const codemodArgs: string[] = [];
  for (const arg of own) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = '-';
    else if (arg.startsWith('--json=')) json = arg.slice('--json='.length) || '-';
    else if (['--write', '-w', '--check', '--force', '-f'].includes(arg) || arg.startsWith('--sarif')) throw new UsageError(`${arg} is not an option of verify`);
    else codemodArgs.push(arg);
  }
  if (command.length === 0) throw new UsageError('verify needs the test command after --, e.g. verify -- npm test');
  // the main command's reading of paths and options (and its usage errors); it reads no path as '.'
  const parsed = parseArgs(codemodArgs);
  const explicit = !(parsed.paths.length === 1 && parsed.paths[0] === '.' && !codemodArgs.includes('.'));
  const options = [...codemodArgs];
  for (const target of explicit ? parsed.paths : []) options.splice(options.lastIndexOf(target), 1);
  return { json, options, paths: explicit ? parsed.paths : [], command };
}

export async function verifyMain(argv: readonly string[], io: VerifyIo): Promise<number> {
  let args: VerifyArgs | 'help';
  try {
    args = parseVerifyArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${TOOL_NAME} verify: ${error.message}\nTry '${TOOL_NAME} verify --help'.\n`);
    return EXIT_ERROR;
  }
  if (args === 'help') {
    io.stdout.write(VERIFY_HELP);
    return EXIT_OK;
  }
  const root = repositoryRoot(io.cwd);
  if (root === undefined) {
    io.stderr.write(`${TOOL_NAME} verify: ${io.cwd} is not in a git repository: verify applies the fix to a git worktree\n`);
    return EXIT_ERROR;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-verify-'));
  let worktree: Worktree | undefined;
  const cleanUp = () => {
    worktree?.remove();
    worktree = undefined;
    fs.rmSync(temp, { recursive: true, force: true });
  };
  // Ctrl-C reaches the test command too; the worktree must still go.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await verify(args, io, root, temp, (created) => {
      worktree = created;
    });
    const fixedStillLeaking = result.sites.some((site) => site.status === 'fixed' && site.after > 0);
    const json = `${JSON.stringify({ sites: result.sites, tests: result.tests }, null, 2)}\n`;
    if (args.json === '-') io.stdout.write(json);
    else {
      if (args.json !== undefined) fs.writeFileSync(path.resolve(io.cwd, args.json), json);
      io.stdout.write(formatTable(result));
    }
    return fixedStillLeaking || testsRegressed(result) ? EXIT_REGRESSION : EXIT_OK;
  } catch (error) {
    if (error instanceof CommandError || error instanceof GitError) {
      io.stderr.write(`${TOOL_NAME} verify: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    cleanUp();
  }
}

// Without a summary to read, the exit codes say it: a command that passed and then fails.
function testsRegressed({ tests, exitCodes }: VerifyResult & { exitCodes: [number | null, number | null] }): boolean {
  if (tests.before !== null && tests.after !== null) return tests.after.failed > tests.before.failed || tests.after.passed < tests.before.passed;
  return exitCodes[0] === 0 && exitCodes[1] !== 0;
}

class Collector {
  text = '';
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

async function runCodemod(argv: string[], cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const stdout = new Collector();
  const stderr = new Collector();
  const exitCode = await main(argv, { stdout, stderr, cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

/** what the codemod was given, with its paths made absolute under `base` (the tree or the worktree) */
function codemodArgv(args: VerifyArgs, cwdInRoot: string, base: string): string[] {
  const targets = args.paths.length > 0 ? args.paths.map((target) => path.join(base, cwdInRoot, target)) : [base];
  return [...args.options, ...targets];
}

async function verify(args: VerifyArgs, io: VerifyIo, root: string, temp: string, created: (worktree: Worktree) => void): Promise<VerifyResult & { exitCodes: [number | null, number | null] }> {
  const cwdInRoot = path.relative(root, fs.realpathSync(io.cwd));
  const testOut: Sink = args.json === '-' ? io.stderr : io.stdout;
  const note = (text: string) => io.stderr.write(`${TOOL_NAME} verify: ${text}\n`);

  // 1. the sites, in the user's tree as it is
  const dryRun = await runCodemod(['--json', '--no-diff', '--no-progress', ...codemodArgv(args, cwdInRoot, root)], io.cwd);
  if (dryRun.exitCode === EXIT_ERROR && dryRun.stdout === '') throw new CommandError(`the codemod failed:\n${dryRun.stderr}`);
  const cliSites = (JSON.parse(dryRun.stdout) as { sites: SiteRecord[] }).sites;

  // 2. the tests, before
  note(`running the tests with the tracker, before the fix: ${args.command.join(' ')}`);
  const beforeReports = path.join(temp, 'before', 'track');
  const before = await runTests({ command: args.command, cwd: io.cwd, env: io.env, trackerPath: io.trackerPath, reportBase: beforeReports, stdout: testOut, stderr: io.stderr });

  // 3. the fix, in a worktree
  const worktree = addWorktree(root, path.join(temp, 'worktree'));
  created(worktree);
  const worktreeRoot = fs.realpathSync(worktree.dir);
  const written = await runCodemod(['--write', '--force', '--no-diff', '--no-progress', ...codemodArgv(args, cwdInRoot, worktreeRoot)], worktreeRoot);
  const fixed = cliSites.filter((site) => site.status === 'fixed').length;
  note(`the codemod fixed ${fixed} site${fixed === 1 ? '' : 's'} in a worktree${written.exitCode === EXIT_ERROR ? ' (some files failed: see its report below)' : ''}`);
  if (written.exitCode === EXIT_ERROR) io.stderr.write(written.stderr);

  // 4. the tests, after
  note(`running the tests with the tracker, after the fix: ${args.command.join(' ')}`);
  const afterReports = path.join(temp, 'after', 'track');
  const after = await runTests({ command: args.command, cwd: path.join(worktreeRoot, cwdInRoot), env: io.env, trackerPath: io.trackerPath, reportBase: afterReports, stdout: testOut, stderr: io.stderr });

  const sites = attribute(cliSites, root, worktreeRoot, readReports(path.dirname(beforeReports), root), readReports(path.dirname(afterReports), worktreeRoot));
  return { sites, tests: { before: before.tests ?? null, after: after.tests ?? null }, exitCodes: [exitCodeOf(before), exitCodeOf(after)] };
}

function exitCodeOf(outcome: RunOutcome): number | null {
  return outcome.signal !== null ? null : outcome.exitCode;
}

// The sites worth a row: every fixed one, and every other one that leaked in the first run.
function attribute(cliSites: readonly SiteRecord[], root: string, worktreeRoot: string, before: ReturnType<typeof readReports>, after: ReturnType<typeof readReports>): VerifiedSite[] {
  const byFile = new Map<string, SiteRecord[]>();
  for (const site of cliSites) {
    const file = path.relative(root, path.resolve(root, site.file)).split(path.sep).join('/');
    const list = byFile.get(file) ?? [];
    list.push(site);
    byFile.set(file, list);
  }
  const rows: VerifiedSite[] = [];
  for (const [file, sites] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const original = readSource(path.join(root, file));
    if (original === undefined) continue;
    const fixedText = readSource(path.join(worktreeRoot, file)) ?? original;
    const toFixed = lineMap(original, fixedText);
    const rangesBefore: LineRange[] = sites.map((site) => siteRange(file, original, site.site.line, site.site.column));
    const rangesAfter = rangesBefore.map(toFixed);
    const countsBefore = countInRanges(before.get(file) ?? [], rangesBefore);
    const countsAfter = countInRanges(after.get(file) ?? [], rangesAfter);
    sites.forEach((site, index) => {
      if (site.status !== 'fixed' && countsBefore[index].leaked === 0) return;
      rows.push({
        file,
        line: site.line,
        rule: site.transform,
        status: site.status,
        before: countsBefore[index].leaked,
        after: countsAfter[index].leaked,
        armed: { before: countsBefore[index].armed, after: countsAfter[index].armed },
      });
    });
  }
  return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function formatCounts(counts: TestCounts | null): string {
  return counts === null ? 'no summary read' : `${counts.passed} passed, ${counts.failed} failed`;
}

export function formatTable(result: VerifyResult): string {
  const header = ['site', 'rule', 'leaked', 'armed'];
  const rows = result.sites.map((site) => [
    `${site.file}:${site.line}`,
    site.status === 'fixed' ? site.rule : `${site.rule} (not fixed)`,
    `${site.before} → ${site.after}`,
    `${site.armed.before} → ${site.armed.after}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  const lines = [line(header), ...rows.map(line)];
  if (rows.length === 0) lines.push('(no site of the codemod in these paths)');
  if (result.sites.some((site) => site.armed.before === 0 && site.armed.after === 0)) {
    lines.push('', 'armed 0 → 0: the tests armed no real timer there (not reached, or under fake timers): not measured');
  }
  lines.push('', `tests: ${formatCounts(result.tests.before)} → ${formatCounts(result.tests.after)}`);
  return `\n${lines.join('\n')}\n`;
}
