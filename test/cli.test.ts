// The CLI's pipeline in process, over small files of the real rules: a leaking race the
// race-timeout rule fixes (LEAK), a race it leaves for a person (REFUSED: the timer callback does
// more than settle), and a race already safe (SAFE), so every expected diff, site and report is exact.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { unifiedDiff } from '../cli/diff';
import { transformSource } from '../cli/engine';
import { listFiles, parseGitignore } from '../cli/files';
import { EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK, run } from '../cli/main';
import { type Job, runJobs } from '../cli/pool';
import { writeFileAtomic } from '../cli/write';
import all from '../transforms/all';
import type { AnyRule } from '../transforms/engine/rule';
import { matchCalls } from '../transforms/engine/prefilter';
import { parseSource } from '../transforms/engine/parse';
import { registry } from '../transforms/registry';
import { applyTransform, createTempDir, removeTempDirs } from './harness';

const LEAK = "export const find = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100))]);\n";
const LEAK_FIXED = [
  'export const find = (term) => {',
  '  let timerHandle;',
  '  return Promise.race([',
  '    search(term),',
  '    new Promise((_, reject) => {',
  "      timerHandle = setTimeout(() => reject(new Error('late')), 100);",
  '    }),',
  '  ]).finally(() => clearTimeout(timerHandle));',
  '};',
  '',
].join('\n');
const REFUSED = "export const find = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => { log(); reject(new Error('late')); }, 100))]);\n";
const SAFE = "export async function find(term) {\n  let timer;\n  try {\n    return await Promise.race([search(term), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('late')), 100); })]);\n  } finally {\n    clearTimeout(timer);\n  }\n}\n";
const raceTimeout = registry.filter((rule) => rule.name === 'race-timeout');

const tempDir = (files: Record<string, string | Buffer>) => createTempDir('forgotten-sender-cli-', files);
afterEach(removeTempDirs);

async function cli(argv: string[], rules: readonly AnyRule[] = registry, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env: {},
  };
  const code = await run(parseArgs(['--no-progress', ...argv]), rules, io);
  return { code, stdout, stderr };
}

describe('dry run', () => {
  it('prints a unified diff and writes nothing', async () => {
    const dir = tempDir({ 'a.js': LEAK, 'b.ts': 'const other = 2;\n' });
    const file = path.join(dir, 'a.js');
    const result = await cli([dir]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toBe(unifiedDiff(file, LEAK, LEAK_FIXED));
    expect(fs.readFileSync(file, 'utf8')).toBe(LEAK);
    expect(result.stderr).toContain('files scanned    2');
    expect(result.stderr).toMatch(/race-timeout\s+1\s+0/);
  });

  it('passes the transforms\' own options to the rules, as jscodeshift does', async () => {
    const abort = "export async function get(url) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 100);\n  const response = await fetch(url, { signal: controller.signal });\n  return response.status;\n}\n";
    const dir = tempDir({ 'a.js': abort });
    const result = await cli(['--prefer-signal-timeout=true', dir]);
    expect(result.stdout).toContain('+  const timeoutSignal = AbortSignal.timeout(100);');
  });

  it('runs only the rules asked for', async () => {
    const dir = tempDir({ 'a.js': LEAK });
    expect((await cli(['--skip', 'race-timeout', dir])).stdout).toBe('');
    expect((await cli(['--only=race-timeout', dir])).stdout).toContain('+  let timerHandle;');
    const unknown = await cli(['--only', 'no-such-transform', dir], raceTimeout);
    expect(unknown.code).toBe(EXIT_ERROR);
    expect(unknown.stderr).toContain('unknown transform: no-such-transform (known: race-timeout)');
  });
});

describe('--check', () => {
  it('exits 1 when a site is fixable', async () => {
    expect((await cli(['--check', tempDir({ 'a.js': LEAK })])).code).toBe(EXIT_CHECK_FAILED);
  });

  it('exits 1 when a site is only reported', async () => {
    const result = await cli(['--check', tempDir({ 'a.js': REFUSED })]);
    expect(result.code).toBe(EXIT_CHECK_FAILED);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('a.js:1:97  error  Promise.race timeout: the timer callback does more than settle the timeout promise, and clearing the timer would skip that work  (race-timeout)\n    how to fix: move the extra work after the race');
  });

  it('exits 0 when nothing is left but notes on safe code', async () => {
    expect((await cli(['--check', tempDir({ 'a.js': SAFE })])).code).toBe(EXIT_OK);
    expect((await cli(['--check', tempDir({ 'a.ts': 'const fine = 1;\n' })])).code).toBe(EXIT_OK);
  });
});

describe('--json and --sarif', () => {
  it('lists every site with file, line, column, rule, status, verdict and reason', async () => {
    const dir = tempDir({ 'a.js': LEAK, 'b.js': REFUSED, 'c.js': SAFE });
    const result = await cli(['--json', dir]);
    const report = JSON.parse(result.stdout) as { sites: Array<Record<string, unknown>>; summary: { filesChanged: number; perTransform: Record<string, unknown> } };
    expect(report.sites.map(({ file, line, column, transform, status, verdict, severity, messageId }) => ({ file, line, column, transform, status, verdict, severity, messageId }))).toEqual([
      { file: path.join(dir, 'a.js'), line: 1, column: 31, transform: 'race-timeout', status: 'fixed', verdict: 'fixed', severity: 'error', messageId: 'fixed' },
      { file: path.join(dir, 'b.js'), line: 1, column: 97, transform: 'race-timeout', status: 'reported', verdict: 'refused', severity: 'error', messageId: 'timerSideEffects' },
      { file: path.join(dir, 'c.js'), line: 4, column: 18, transform: 'race-timeout', status: 'reported', verdict: 'safe', severity: 'note', messageId: 'alreadyCleared' },
    ]);
    expect(report.sites[2].reason).toBe('Promise.race timeout — its timer `timer` is already cleared on every path — nothing to do');
    expect(report.summary.filesChanged).toBe(1);
    expect(report.summary.perTransform['race-timeout']).toEqual({ fixed: 1, reported: 1, notes: 1 });
  });

  it('writes SARIF 2.1.0 with one rule per transform and relative artifact URIs', async () => {
    const dir = tempDir({ 'src/a.js': LEAK, 'src/b.js': REFUSED });
    const sarifFile = path.join(dir, 'out.sarif');
    const result = await cli([`--sarif=${sarifFile}`, path.join(dir, 'src')], raceTimeout, dir);
    expect(result.stdout).toContain('--- a/');
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [runResult] = sarif.runs;
    expect(runResult.tool.driver.name).toBe('forgotten-sender');
    expect(runResult.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['race-timeout']);
    expect(runResult.results).toHaveLength(2);
    expect(runResult.results[0]).toMatchObject({
      ruleId: 'race-timeout',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 31 } } }],
      properties: { status: 'fixed', verdict: 'fixed', messageId: 'fixed' },
    });
    expect(runResult.results[1].properties.status).toBe('reported');
    expect(runResult.invocations[0].executionSuccessful).toBe(true);
  });
});

describe('--write', () => {
  it('replaces the file, keeps its mode and leaves no temporary file', async () => {
    const dir = tempDir({ 'a.js': LEAK });
    const file = path.join(dir, 'a.js');
    fs.chmodSync(file, 0o754);
    const result = await cli(['--write', dir]);
    expect(result.code).toBe(EXIT_OK);
    expect(fs.readFileSync(file, 'utf8')).toBe(LEAK_FIXED);
    expect(fs.statSync(file).mode & 0o777).toBe(0o754);
    expect(fs.readdirSync(dir)).toEqual(['a.js']);
    // --write with --check: what was fixed is no longer left, so only reports would fail the check.
    expect((await cli(['--write', '--check', dir])).code).toBe(EXIT_OK);
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const dir = tempDir({ 'crlf.js': LEAK.replace(/\n/g, '\r\n'), 'bom.js': `\uFEFF${LEAK}` });
    const dry = await cli([dir]);
    // the BOM is in the diff's first line only, as git shows it, so the patch applies
    expect(dry.stdout).toContain('-\uFEFFexport const find');
    expect(dry.stdout.split('\uFEFF')).toHaveLength(3);
    expect(dry.stdout).toContain('+  let timerHandle;\r\n');
    await cli(['--write', dir]);
    expect(fs.readFileSync(path.join(dir, 'crlf.js'), 'utf8')).toBe(LEAK_FIXED.replace(/\n/g, '\r\n'));
    expect(fs.readFileSync(path.join(dir, 'bom.js'), 'utf8')).toBe(`\uFEFF${LEAK_FIXED}`);
  });

  it('leaves a file alone when it changed on disk since it was read, and removes its temporary file', () => {
    const dir = tempDir({ 'a.ts': 'edited by someone else\n' });
    const file = path.join(dir, 'a.ts');
    expect(() => writeFileAtomic(file, 'new text\n', Buffer.from('what the run read\n'))).toThrow(/changed on disk/);
    expect(fs.readFileSync(file, 'utf8')).toBe('edited by someone else\n');
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);
  });

  it('removes the temporary file when the final rename fails', () => {
    const dir = tempDir({ 'target/inside.txt': 'x' });
    // rename(2) of a file over a non-empty directory fails after the temporary file is written.
    expect(() => writeFileAtomic(path.join(dir, 'target'), 'new text\n')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['target']);
    expect(fs.readFileSync(path.join(dir, 'target', 'inside.txt'), 'utf8')).toBe('x');
  });
});

describe('bad input', () => {
  it('skips binary, oversized and minified files with a reason, and fails on a syntax error', async () => {
    const dir = tempDir({
      'binary.js': Buffer.from([0x4f, 0xff, 0x44, 0x00, 0x01]),
      'huge.js': `${LEAK}// ${'x'.repeat(2000)}\n`,
      'minified.js': `${LEAK.trim()}${'a=1;'.repeat(300)}\n`,
      'broken.ts': 'Promise.race([setTimeout(f, 1), ;\n',
      'fine.js': LEAK,
      'latin1.js': Buffer.from(`${LEAK}const x = "caf\xe9";\n`, 'latin1'),
    });
    const result = await cli(['--max-file-size', '1500', '--max-line-length', '1000', '--json=-', dir]);
    expect(result.code).toBe(EXIT_ERROR);
    const report = JSON.parse(result.stdout) as { problems: { file: string; kind: string; reason: string; line?: number }[]; changedFiles: string[] };
    const byName = Object.fromEntries(report.problems.map((problem) => [path.basename(problem.file), problem]));
    expect(byName['binary.js']).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('binary') });
    expect(byName['huge.js']).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('larger than 1500 bytes') });
    expect(byName['latin1.js']).toMatchObject({ kind: 'skipped', reason: 'not UTF-8 text' });
    expect(byName['minified.js']).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('minified') });
    expect(byName['broken.ts']).toMatchObject({ kind: 'error', line: 1, reason: expect.stringMatching(/^file does not parse/) });
    expect(report.changedFiles).toEqual([path.join(dir, 'fine.js')]);
    expect(result.stderr).toMatch(new RegExp(`${path.join(dir, 'broken.ts')}:1:\\d+  error  file does not parse`));
  });

  it('reads Flow with its @flow pragma, and hints at the pragma when Flow without it fails', async () => {
    const dir = tempDir({ 'typed.js': `// @flow\ntype T = {| a: number |};\n${LEAK}`, 'untyped.js': `type T = {| a: number |};\n${LEAK}` });
    const result = await cli([dir]);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stdout).toContain('+  let timerHandle;');
    expect(result.stderr).toContain(`${path.join(dir, 'untyped.js')}:1:`);
    expect(result.stderr).toContain('add a // @flow pragma');
  });

  it('reports a path that cannot be read, and still processes the others', async () => {
    const dir = tempDir({ 'fine.js': LEAK });
    fs.symlinkSync(path.join(dir, 'nowhere.ts'), path.join(dir, 'dangling.ts'));
    const result = await cli([path.join(dir, 'dangling.ts'), path.join(dir, 'fine.js')]);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain(`${path.join(dir, 'dangling.ts')}  error  no such file or directory`);
    expect(result.stdout).toContain('+  let timerHandle;');
  });

  it('loses only the site whose analysis throws: the file\'s other sites are still fixed', () => {
    const throwing: AnyRule = { ...raceTimeout[0], analyze: (site, context) => (site.node.start === 0 ? raceTimeout[0].analyze(site, context) : (() => { throw new Error('boom'); })()) };
    const source = `${LEAK.replace('export const find = (term) => ', 'Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error(\'late\')), 100))]);\nexport const find = (term) => ')}`;
    const outcome = transformSource([throwing], 'a.js', source, {});
    expect(outcome.error).toBeUndefined();
    expect(outcome.sites.map((site) => [site.verdict, site.line])).toEqual([
      ['fixed', 1],
      ['crashed', 2],
    ]);
    expect(outcome.sites[1].reason).toBe('internal error at this site — boom; the site is left as it was, and the rest of the file was processed — please report it with this code; meanwhile fix the site by hand or suppress it');
    expect(outcome.output).toContain('let timerHandle;');
  });
});

describe('same result as jscodeshift -t transforms/all.ts', () => {
  const root = path.resolve(__dirname, '..');
  const inputs = ['examples', '__testfixtures__'].flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
          .filter((file) => dir === 'examples' || /\.input\.[cm]?[jt]sx?$/.test(file))
          .filter((file) => /\.[cm]?[jt]sx?$/.test(file))
          .map((file) => path.join(dir, file))
      : [],
  );

  it.each(inputs)('%s', (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    const { output, reports } = applyTransform(all, file, source);
    const outcome = transformSource(registry, file, source, {});
    expect(outcome.output).toBe(output ?? undefined);
    const reported = outcome.sites.filter((site) => site.status === 'reported').map((site) => `${site.file}:${site.line}:${site.column}: ${site.reason}`);
    expect(reported).toEqual(reports);
  });
});

describe('prefilter', () => {
  it('tells which rules\' calls occur: a timer inside `new Promise`, a timer calling a parameter, an aliased import', () => {
    const source = `import { setTimeout as later } from 'node:timers';
function sleep(ms) { return new Promise((resolve) => later(resolve, ms)); }
function withDeadline(done) { setTimeout(() => log('late'), 10); later(() => done(new Error('timeout')), 100); }
`;
    const ast = parseSource('g.js', source);
    const groups = [['race'], [{ callee: 'setTimeout', inside: 'Promise' }], [{ callee: 'setTimeout', callsParameter: true }], [{ callee: 'abort', inside: 'setTimeout' }]];
    expect(matchCalls(ast, groups)).toEqual([false, true, true, false]);
    expect(matchCalls(ast, [[{ callee: 'setTimeout', inside: 'race' }]])).toEqual([false]);
  });

  it('sees calls through optional chaining, string keys, casts, parentheses and `new`', () => {
    for (const source of ['race([]);\n', 'Promise?.race([]);\n', "Promise['race']([]);\n", '(Promise.race as any)([]);\n', 'Promise.race!([]);\n', '(0, Promise.race)([]);\n', 'new Race.race();\n']) {
      expect(matchCalls(parseSource('f.ts', source), [['race']])).toEqual([true]);
    }
    expect(matchCalls(parseSource('f.ts', 'const options = { race: true };\nobject.race = 1;\n'), [['race']])).toEqual([false]);
  });
});

describe('worker threads', () => {
  it('give the same outcome as the main thread, file by file', async () => {
    const jobs: Job[] = [
      { path: 'leaky.js', source: LEAK },
      { path: 'broken.ts', source: 'Promise.race([setTimeout(() => {}, 1), \n' },
      { path: 'plain.ts', source: 'export const race = 1;\n' },
    ];
    const inMain = jobs.map((job) => transformSource(registry, job.path, job.source, {}));
    const inWorkers: ReturnType<typeof transformSource>[] = [];
    await runJobs(registry, jobs, {}, 3, (outcome) => inWorkers.push(outcome), { mainThreadWorks: false });
    inWorkers.sort((a, b) => jobs.findIndex((job) => job.path === a.path) - jobs.findIndex((job) => job.path === b.path));
    expect(inWorkers).toEqual(inMain);
  });

  // A stand-in worker that answers like worker.ts, except that it throws on `throw.ts` (as on an
  // uncaught error or running out of memory: 'error', then 'exit') and calls process.exit on `exit.ts`.
  const CRASHING_WORKER = path.resolve(__dirname, 'support', 'crashing-worker.cjs');

  it.each(['throw.ts', 'exit.ts'])('lose only the file a dying worker held (%s), and the run finishes', async (fatal) => {
    const jobs: Job[] = ['a.ts', fatal, 'b.ts', 'c.ts'].map((file) => ({ path: file, source: `export const ${file[0]} = 1;\n`.padEnd(100 - file.length, ' ') }));
    const outcomes: ReturnType<typeof transformSource>[] = [];
    await runJobs(registry, jobs, {}, 3, (outcome) => outcomes.push(outcome), { mainThreadWorks: false, workerScript: CRASHING_WORKER });
    expect(outcomes.map((outcome) => outcome.path).sort()).toEqual(['a.ts', 'b.ts', 'c.ts', fatal].sort());
    const failed = outcomes.filter((outcome) => outcome.error !== undefined);
    expect(failed.map((outcome) => outcome.path)).toEqual([fatal]);
    expect(failed[0].error).toMatch(/^the worker thread failed on this file: /);
  });
});

describe('file selection', () => {
  it('honours .gitignore outside git and never enters node_modules', () => {
    const dir = tempDir({
      '.gitignore': 'build/\n*.gen.ts\n!keep.gen.ts\n/rooted.js\n',
      'src/a.ts': '',
      'src/rooted.js': '',
      'rooted.js': '',
      'src/x.gen.ts': '',
      'src/keep.gen.ts': '',
      'build/out.js': '',
      'node_modules/dep/index.js': '',
      'src/types.d.ts': '',
      'README.md': '',
    });
    const files = listFiles([dir]).files.map((file) => path.relative(dir, file));
    expect(files).toEqual(['src/a.ts', 'src/keep.gen.ts', 'src/rooted.js']);
  });

  it('reads gitignore globs the way git does', () => {
    const [rule] = parseGitignore('docs/**/*.js\n', '');
    expect(rule.regex.test('docs/a.js')).toBe(true);
    expect(rule.regex.test('docs/x/y/a.js')).toBe(true);
    expect(rule.regex.test('src/docs/a.js')).toBe(false);
  });
});

describe('unifiedDiff', () => {
  const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';

  it('shows three lines of context and merges nearby changes into one hunk', () => {
    const after = before.replace('line 5\n', 'line five\n').replace('line 9\n', 'line nine\n').replace('line 19\n', 'line nineteen\n');
    expect(unifiedDiff('f.js', before, after)).toBe(
      [
        '--- a/f.js',
        '+++ b/f.js',
        '@@ -2,11 +2,11 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '-line 9',
        '+line nine',
        ' line 10',
        ' line 11',
        ' line 12',
        '@@ -16,5 +16,5 @@',
        ' line 16',
        ' line 17',
        ' line 18',
        '-line 19',
        '+line nineteen',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('numbers insertions and marks a missing final newline', () => {
    expect(unifiedDiff('f.js', 'a\nb', 'a\nx\nb')).toBe(['--- a/f.js', '+++ b/f.js', '@@ -1,2 +1,3 @@', ' a', '+x', ' b', '\\ No newline at end of file', ''].join('\n'));
    expect(unifiedDiff('f.js', '', 'a\n')).toBe(['--- a/f.js', '+++ b/f.js', '@@ -0,0 +1 @@', '+a', ''].join('\n'));
    expect(unifiedDiff('f.js', 'same\n', 'same\n')).toBe('');
  });
});
