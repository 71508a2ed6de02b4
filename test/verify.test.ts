// `forgotten-sender verify`, end to end on the small projects of test/verify-projects/ (one per
// test runner, the same leaking source and cases), each copied into a git repository of its own;
// and the pieces it reads with: test summaries, site ranges, line maps.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countInRanges, lineMap, siteRange, type TrackedSite } from '../cli/verify/sites';
import { parseTestCounts } from '../cli/verify/test-counts';
import { createTempDir, removeTempDirs } from './harness';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'forgotten-sender.cjs');
const PROJECTS = path.join(__dirname, 'verify-projects');
const NODE = process.execPath;

afterEach(removeTempDirs);

const RUNNERS: Record<string, string[]> = {
  'node --test': [NODE, '--test'],
  vitest: [NODE, path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run'],
  jest: [NODE, '--experimental-vm-modules', path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js')],
  mocha: [NODE, path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js')],
};
const PROJECT_OF: Record<string, string> = { 'node --test': 'node-test', vitest: 'vitest', jest: 'jest', mocha: 'mocha' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** a git repository holding the shared source and cases and one runner's test file, committed */
function project(runner: string): string {
  const dir = createTempDir('forgotten-sender-verify-test-', {
    'package.json': '{ "type": "module", "private": true }\n',
    '.gitignore': 'node_modules\n',
  });
  copyTree(path.join(PROJECTS, 'shared'), dir);
  copyTree(path.join(PROJECTS, PROJECT_OF[runner]), dir);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'project');
  return dir;
}

// The tests' own vitest must not leak into the runs it starts (VITEST, VITEST_POOL_ID, …).
function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: undefined, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_ENV' || name === 'TEST') delete env[name];
  return env;
}

function verify(cwd: string, args: string[]) {
  const result = spawnSync(NODE, [BIN, 'verify', ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** what must be as it was after a run: worktrees, refs, the tree's status */
function repositoryState(dir: string): string {
  return [git(dir, 'worktree', 'list', '--porcelain'), git(dir, 'for-each-ref'), git(dir, 'status', '--porcelain', '--untracked-files=all'), git(dir, 'stash', 'list')].join('\n');
}

const FIXED_SITES = [
  { file: 'src/timeouts.mjs', line: 13, rule: 'race-timeout', status: 'fixed', before: 3, after: 0, armed: { before: 3, after: 3 } },
  { file: 'src/timeouts.mjs', line: 22, rule: 'executor-timeout', status: 'fixed', before: 3, after: 0, armed: { before: 3, after: 3 } },
  { file: 'src/timeouts.mjs', line: 31, rule: 'abort-timeout', status: 'fixed', before: 3, after: 0, armed: { before: 3, after: 3 } },
  { file: 'src/timeouts.mjs', line: 41, rule: 'listener-timeout', status: 'fixed', before: 3, after: 0, armed: { before: 3, after: 3 } },
];

describe.each(Object.keys(RUNNERS))('verify with %s', (runner) => {
  it('work wins: every leaking site leaks before the fix and not after, the tests green both times', () => {
    const dir = project(runner);
    const stateBefore = repositoryState(dir);
    const result = verify(dir, ['--json', '--', ...RUNNERS[runner]]);
    expect(result.stderr).toContain('running the tests with the tracker, after the fix');
    expect(JSON.parse(result.stdout)).toEqual({ sites: FIXED_SITES, tests: { before: { passed: 4, failed: 0 }, after: { passed: 4, failed: 0 } } });
    expect(result.code).toBe(0);
    expect(repositoryState(dir)).toBe(stateBefore);
    expect(fs.readFileSync(path.join(dir, 'src', 'timeouts.mjs'), 'utf8')).toBe(fs.readFileSync(path.join(PROJECTS, 'shared', 'src', 'timeouts.mjs'), 'utf8'));
  }, 60_000);
});

describe('verify', () => {
  it('runs the code as it is in the tree: uncommitted and untracked changes are carried into the worktree', () => {
    const dir = project('node --test');
    const cases = path.join(dir, 'cases.mjs');
    fs.writeFileSync(cases, fs.readFileSync(cases, 'utf8').replace('const TIMES = 3;', 'const TIMES = 2;'));
    fs.writeFileSync(path.join(dir, 'test', 'extra.test.mjs'), `import { test } from 'node:test';\nimport { raceLookup } from '../src/timeouts.mjs';\ntest('one more race', () => raceLookup('e'));\n`);
    const stateBefore = repositoryState(dir);
    const result = verify(dir, ['--', ...RUNNERS['node --test']]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`
site                 rule              leaked  armed
src/timeouts.mjs:13  race-timeout       3 → 0  3 → 3
src/timeouts.mjs:22  executor-timeout   2 → 0  2 → 2
src/timeouts.mjs:31  abort-timeout      2 → 0  2 → 2
src/timeouts.mjs:41  listener-timeout   2 → 0  2 → 2

tests: 5 passed, 0 failed → 5 passed, 0 failed
`);
    expect(repositoryState(dir)).toBe(stateBefore);
  }, 60_000);

  it('exits 1 when a test that passed before the fix fails after it', () => {
    const dir = project('node --test');
    fs.writeFileSync(
      path.join(dir, 'test', 'relies-on-the-leak.test.mjs'),
      `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { raceLookup } from '../src/timeouts.mjs';
test('a timer is still armed after the race', async () => {
  const armed = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  const before = armed();
  await raceLookup('f');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(armed(), before + 1);
});
`,
    );
    const result = verify(dir, ['--json=verify.json', 'src', '--', ...RUNNERS['node --test']]);
    expect(result.code).toBe(1);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'verify.json'), 'utf8'));
    expect(written.tests).toEqual({ before: { passed: 5, failed: 0 }, after: { passed: 4, failed: 1 } });
    expect(result.stdout).toContain('tests: 5 passed, 0 failed → 4 passed, 1 failed');
  }, 60_000);

  it('exits 2 outside a git repository, without a command, and for a command that cannot start', () => {
    const plain = createTempDir('forgotten-sender-verify-test-', { 'a.js': '' });
    const outside = verify(plain, ['--', NODE, '--test']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not in a git repository');
    const dir = project('node --test');
    expect(verify(dir, []).code).toBe(2);
    expect(verify(dir, ['--write', '--', NODE]).code).toBe(2);
    const stateBefore = repositoryState(dir);
    const missing = verify(dir, ['--', path.join(os.tmpdir(), 'no-such-test-runner')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot start');
    expect(repositoryState(dir)).toBe(stateBefore);
  }, 60_000);

  it('--help says how to call it', () => {
    const result = verify(ROOT, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: forgotten-sender verify \[options\] \[paths…\] -- <test command…>/);
  });
});

describe('test summaries', () => {
  it.each([
    ['node --test, TAP', '# tests 5\n# suites 0\n# pass 4\n# fail 1\n# cancelled 0\n', { passed: 4, failed: 1 }],
    ['node --test, spec', 'ℹ tests 5\nℹ pass 5\nℹ fail 0\n', { passed: 5, failed: 0 }],
    ['vitest', ' Test Files  1 failed | 1 passed (2)\n      Tests  \u001b[1m\u001b[32m3 passed\u001b[39m | 1 failed (4)\n', { passed: 3, failed: 1 }],
    ['vitest, all green', '      Tests  4 passed (4)\n', { passed: 4, failed: 0 }],
    ['jest', 'Test Suites: 1 failed, 1 total\nTests:       1 failed, 2 passed, 3 total\n', { passed: 2, failed: 1 }],
    ['mocha', '  ✔ works\n\n  2 passing (5ms)\n  1 failing\n', { passed: 2, failed: 1 }],
    ['two runs of a plain summary', 'unit: 3 passed, 0 failed\nintegration: 1 passed, 2 failed\n', { passed: 4, failed: 2 }],
  ])('%s', (_name, output, counts) => {
    expect(parseTestCounts(output)).toEqual(counts);
  });

  it('a test that prints "pass" is no summary', () => {
    expect(parseTestCounts('we pass 3 tests here\nTests are 4\n')).toBeUndefined();
  });
});

describe('sites and lines', () => {
  const source = `const a = 1;
const record = await Promise.race([
  work(),
  new Promise((_, reject) => setTimeout(reject, 100)),
]);
setTimeout(() => controller.abort(), 100);
`;

  it('a site spans the outermost node that starts where the CLI puts it', () => {
    expect(siteRange('a.mjs', source, 2, 22)).toEqual({ start: 2, end: 5 });
    expect(siteRange('a.mjs', source, 6, 1)).toEqual({ start: 6, end: 6 });
  });

  it('a site keeps its lines through the fix: inserted lines around it, changed lines inside it', () => {
    const fixed = `const a = 1;
let timerHandle;
const record = await Promise.race([
  work(),
  new Promise((_, reject) => {
    timerHandle = setTimeout(reject, 100);
  }),
]).finally(() => clearTimeout(timerHandle));
setTimeout(() => controller.abort(), 100);
`;
    const map = lineMap(source, fixed);
    expect(map({ start: 2, end: 5 })).toEqual({ start: 3, end: 8 });
    expect(map({ start: 6, end: 6 })).toEqual({ start: 9, end: 9 });
  });

  it('a resource goes to the innermost site that holds its line; controllers are not counted', () => {
    const tracked = (line: number, kind: string, leaked: number): TrackedSite => ({ file: 'a.mjs', line, column: 1, kind, armed: 2, liveAfterSettle: leaked, liveAtExit: 0, leaked });
    const counts = countInRanges([tracked(4, 'setTimeout', 2), tracked(3, 'once', 1), tracked(3, 'AbortController', 0), tracked(9, 'setTimeout', 1)], [
      { start: 1, end: 6 },
      { start: 3, end: 4 },
    ]);
    expect(counts).toEqual([
      { leaked: 0, armed: 0 },
      { leaked: 3, armed: 2 },
    ]);
  });
});
