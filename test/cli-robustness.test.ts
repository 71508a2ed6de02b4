// --write keeps file identity, text is told by its encoding, errors come early and once, and no
// file can hold a run past its time budget: one test per defect, each on a minimal input of its own.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { type Job, runJobs } from '../cli/pool';
import { tempFileFor } from '../cli/write';
import type { FileOutcome } from '../cli/engine';
import type { AnyRule } from '../transforms/engine/rule';
import { registry } from '../transforms/registry';
import { createTempDir, removeTempDirs } from './harness';
import { cli, FIXED_MARK, LEAK } from './support/cli';

afterEach(removeTempDirs);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('--write keeps file identity', () => {
  it('writes through a symbolic link to its target inside the repository; the link stays a link', async () => {
    const dir = createTempDir('forgotten-sender-identity-', { 'real/a.js': LEAK });
    fs.symlinkSync(path.join('real', 'a.js'), path.join(dir, 'link.js'));
    const result = await cli(['--write', 'link.js'], dir);
    expect(result.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link.js')).isSymbolicLink()).toBe(true);
    expect(read(path.join(dir, 'real', 'a.js'))).toContain(FIXED_MARK);
  });

  it('never follows a link, to a file or a directory, out of the repository', async () => {
    const outside = createTempDir('forgotten-sender-outside-', { 'a.js': LEAK, 'lib/b.js': LEAK });
    const dir = createTempDir('forgotten-sender-identity-', { 'package.json': '{}', 'own.js': LEAK });
    fs.symlinkSync(path.join(outside, 'a.js'), path.join(dir, 'out.js'));
    fs.symlinkSync(path.join(outside, 'lib'), path.join(dir, 'vendor'));
    const result = await cli(['--write', 'out.js', 'vendor', '.'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`out.js  skipped  a symbolic link leads out of the repository (to ${fs.realpathSync(path.join(outside, 'a.js'))}); not followed`);
    expect(result.stderr).toContain('vendor/b.js  skipped  a symbolic link leads out of the repository');
    expect(read(path.join(outside, 'a.js'))).toBe(LEAK);
    expect(read(path.join(outside, 'lib', 'b.js'))).toBe(LEAK);
    expect(read(path.join(dir, 'own.js'))).toContain(FIXED_MARK);
  });

  it('keeps the mode, and the owner and group when run as root', async () => {
    const dir = createTempDir('forgotten-sender-identity-', { 'a.js': LEAK });
    const file = path.join(dir, 'a.js');
    fs.chmodSync(file, 0o640);
    if (isRoot) fs.chownSync(file, 65534, 65534);
    expect((await cli(['--write', '.'], dir)).code).toBe(0);
    const stat = fs.statSync(file);
    expect(read(file)).toContain(FIXED_MARK);
    expect(stat.mode & 0o777).toBe(0o640);
    if (isRoot) expect([stat.uid, stat.gid]).toEqual([65534, 65534]);
  });

  it('keeps hard links: the file is rewritten in place, and every link sees the fix', async () => {
    const dir = createTempDir('forgotten-sender-identity-', { 'a.js': LEAK });
    fs.linkSync(path.join(dir, 'a.js'), path.join(dir, 'b.js'));
    const inode = fs.statSync(path.join(dir, 'a.js')).ino;
    expect((await cli(['--write', 'a.js'], dir)).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'a.js')).ino).toBe(inode);
    expect(fs.statSync(path.join(dir, 'a.js')).nlink).toBe(2);
    expect(read(path.join(dir, 'b.js'))).toContain(FIXED_MARK);
  });

  it('refuses a read-only file with the reason, unless --force-readonly; the mode stays', async () => {
    const dir = createTempDir('forgotten-sender-identity-', { 'a.js': LEAK });
    const file = path.join(dir, 'a.js');
    fs.chmodSync(file, 0o444);
    const refused = await cli(['--write', '.'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a.js  error  not written: read-only file (mode 0444); not written — make it writable, or pass --force-readonly');
    expect(read(file)).toBe(LEAK);
    expect((await cli(['--write', '--force-readonly', '.'], dir)).code).toBe(0);
    expect(read(file)).toContain(FIXED_MARK);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it('removes the temporary files of a killed run whose process is gone, and keeps a live run\'s', async () => {
    const dir = createTempDir('forgotten-sender-identity-', { 'a.js': LEAK, 'sub/b.ts': 'export const b = 1;\n' });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadTemp = tempFileFor(path.join(dir, 'a.js'), Number(gone.stdout));
    const otherTemp = tempFileFor(path.join(dir, 'sub', 'b.ts'), Number(gone.stdout));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const liveTemp = tempFileFor(path.join(dir, 'a.js'), sleeper.pid!);
      for (const temp of [deadTemp, otherTemp, liveTemp]) fs.writeFileSync(temp, 'half a file');
      expect(tempFileFor('/x/a.js', 42)).toBe('/x/.a.js.forgotten-sender-42.tmp');
      expect((await cli(['--write', '.'], dir)).code).toBe(0);
      expect(fs.existsSync(deadTemp)).toBe(false);
      expect(fs.existsSync(otherTemp)).toBe(false);
      expect(fs.existsSync(liveTemp)).toBe(true);
      expect(read(path.join(dir, 'a.js'))).toContain(FIXED_MARK);
    } finally {
      sleeper.kill();
    }
  });
});

describe('text, and errors early and once', () => {
  it('valid UTF-8 with a NUL character inside a string is text: its site is fixed', async () => {
    const dir = createTempDir('forgotten-sender-text-', { 'a.js': `const separator = "a\0b";\n${LEAK}` });
    const result = await cli(['--check', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(FIXED_MARK);
    expect(result.stderr).not.toContain('binary');
  });

  it('a sloppy-mode script is read as a script, not called a syntax error', async () => {
    const dir = createTempDir('forgotten-sender-text-', { 'old.js': `with (Math) { var x = 010; }\ndelete x;\n${LEAK.replace('export ', '')}`, 'module.mjs': `with (Math) {}\n${LEAK}` });
    const result = await cli(['.'], dir);
    expect(result.stdout).toContain('--- a/old.js');
    expect(result.stderr).toMatch(/module\.mjs:1:1 {2}error {2}file does not parse/);
    expect(result.stderr).not.toMatch(/old\.js.* error /);
  });

  it('a report path in a missing directory fails before any file is written', async () => {
    const dir = createTempDir('forgotten-sender-early-', { 'a.js': LEAK });
    const result = await cli(['--write', '--sarif', 'no/such/dir/out.sarif', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^forgotten-sender: --sarif: cannot write into .*no\/such\/dir: no such file or directory\n$/);
    expect(read(path.join(dir, 'a.js'))).toBe(LEAK);
    expect((await cli(['--json=.', '.'], dir)).stderr).toMatch(/--json: .* is a directory/);
    const overCode = await cli(['--sarif=a.js', '.'], dir);
    expect(overCode.code).toBe(2);
    expect(overCode.stderr).toMatch(/^forgotten-sender: --sarif: .*a\.js is a source file; a report never overwrites code\n$/);
    expect(read(path.join(dir, 'a.js'))).toBe(LEAK);
  });

  it('a FIFO named on the command line is skipped, not read: the read would wait for ever', () => {
    const dir = createTempDir('forgotten-sender-early-', { 'ok.js': LEAK });
    const mkfifo = spawnSync('mkfifo', [path.join(dir, 'pipe.js')]);
    if (mkfifo.status !== 0) return;
    // in a child process with a deadline: a blocked read would block this thread too
    const bin = path.resolve(__dirname, '..', 'bin', 'forgotten-sender.cjs');
    const result = spawnSync(process.execPath, [bin, '--no-progress', 'pipe.js', 'ok.js'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('pipe.js  skipped  not a regular file (a FIFO, socket or device); not read');
    expect(result.stdout).toContain('--- a/ok.js');
  });

  it('a symbolic link loop gets its own message, once', async () => {
    const dir = createTempDir('forgotten-sender-early-', { 'ok.js': LEAK });
    fs.symlinkSync('loop-b.js', path.join(dir, 'loop-a.js'));
    fs.symlinkSync('loop-a.js', path.join(dir, 'loop-b.js'));
    const result = await cli(['loop-a.js', 'ok.js'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.match(/loop-a\.js/g)).toHaveLength(1);
    expect(result.stderr).toContain('loop-a.js  error  a symbolic link loop (ELOOP): a link leads back to itself');
    expect(result.stdout).toContain('--- a/ok.js');
  });

  // nesting in lines of 100 characters, as a generated file has it (one long line is skipped as minified)
  const nested = (open: string, close: string, depth: number) => [open.repeat(depth).replace(/(.{100})/g, '$1\n'), close.repeat(depth).replace(/(.{100})/g, '$1\n')];

  it('a file too deeply nested for the usual stack is tried again on a deep one, and fixed', async () => {
    // @babel/parser runs out of Node's default stack near 400 nested parentheses
    const [open, close] = nested('(', ')', 5000);
    const dir = createTempDir('forgotten-sender-early-', { 'deep.js': `export const deep = ${open}Promise.race([search(1), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 1))])${close};\n` });
    const result = await cli(['--json', '.'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.changedFiles).toEqual(['deep.js']);
    expect(report.problems).toEqual([]);
  });

  it('a stack overflow, even on the deep stack, is said to be one, once, and is not called a syntax error', async () => {
    const [open, close] = nested('[', ']', 100_000);
    const dir = createTempDir('forgotten-sender-early-', { 'deep.js': `Promise.race([new Promise((r) => setTimeout(r, 1)), ${open}${close}]);\n` });
    const result = await cli(['.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.match(/deep\.js/g)).toHaveLength(1);
    expect(result.stderr).toContain('deep.js  error  too deeply nested to analyse (the stack ran out: a stack overflow, not a syntax error)');
    expect(result.stderr).not.toContain('does not parse');
  });

  // root reads every file whatever its mode: as root the run goes as nobody
  const asUnprivileged = isRoot ? ['/usr/sbin/runuser', '-u', 'nobody', '--'] : [];
  // (in a git work tree git lists the files, and only warns about a directory it cannot open)
  it.runIf(!isRoot || fs.existsSync('/usr/sbin/runuser')).each(['outside git', 'in a git work tree'])('EACCES on a file and on a directory, %s: one line each, printed once', (where) => {
    const { compiledRoot } = require('../cli/load.cjs') as { compiledRoot(): string | undefined };
    const compiled = compiledRoot()!;
    const dir = createTempDir('forgotten-sender-eacces-', { 'src/ok.js': LEAK, 'src/secret.js': LEAK, 'src/locked/c.js': LEAK });
    if (where === 'in a git work tree') spawnSync('git', ['init', '-q'], { cwd: dir });
    // git refuses a work tree its user does not own
    if (isRoot) spawnSync('chown', ['-R', 'nobody', dir]);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'src'), 0o755);
    fs.chmodSync(path.join(dir, 'src', 'ok.js'), 0o644);
    fs.chmodSync(path.join(dir, 'src', 'secret.js'), 0o000);
    fs.chmodSync(path.join(dir, 'src', 'locked'), 0o000);
    const script = `require(${JSON.stringify(path.join(compiled, 'cli', 'main.js'))}).main(['--no-progress', '--no-diff', 'src']).then((code) => { process.exitCode = code; });`;
    const [command, ...prefix] = [...asUnprivileged, process.execPath];
    const result = spawnSync(command, [...prefix, '-e', script], { cwd: dir, encoding: 'utf8' });
    fs.chmodSync(path.join(dir, 'src', 'locked'), 0o755);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.match(/secret\.js/g)).toHaveLength(1);
    expect(result.stderr.match(/locked/g)).toHaveLength(1);
    expect(result.stderr).toContain('src/secret.js  error  unreadable: permission denied (EACCES)');
    expect(result.stderr).toContain('src/locked  error  permission denied (EACCES)');
    expect(result.stderr).toMatch(/files to change\s+1/);
  });
});

describe('a per-file time budget', () => {
  // race-timeout, except that its analysis never returns on a file that says HANG; and a flag its
  // `finally` resets, which an interrupt leaves set (V8 runs no finally then), as it leaves any state
  // of the thread half updated: a module half loaded, a cache half filled
  const [raceTimeout] = registry.filter((rule) => rule.name === 'race-timeout');
  let analysing = false;
  const hanging: AnyRule = {
    ...raceTimeout,
    analyze: (site, context) => {
      if (analysing) throw new Error('run on the state an interrupted file left');
      analysing = true;
      try {
        if (context.facts.text.includes('HANG')) for (;;);
        return raceTimeout.analyze(site, context);
      } finally {
        analysing = false;
      }
    },
  };
  // (an interrupt leaves the flag set: this thread is the tests', not a run's, so each starts clean)
  beforeEach(() => {
    analysing = false;
  });
  const jobs: Job[] = [
    { path: 'hang.js', source: `// HANG\n${LEAK}` },
    { path: 'fine.js', source: LEAK },
  ];

  // A stand-in worker that never answers for hang.ts, as a worker stuck in a loop would not, and
  // answers any other file at once with an outcome of no sites.
  const HANGING_WORKER = path.resolve(__dirname, 'support', 'hanging-worker.cjs');

  it('on the main thread: the file is stopped and reported with its path, and a worker runs the rest, never the interrupted thread', async () => {
    const outcomes: FileOutcome[] = [];
    const threeJobs = [...jobs, { path: 'last.js', source: LEAK.replace('find', 'last') }];
    await runJobs([hanging], threeJobs, {}, 1, (outcome) => outcomes.push(outcome), { fileTimeoutMs: 300, workerScript: HANGING_WORKER });
    expect(outcomes.map((outcome) => [outcome.path, outcome.error])).toEqual([
      ['hang.js', 'took longer than 0.3 s to transform, so it was stopped (--file-timeout 0.3); left untouched'],
      ['fine.js', undefined],
      ['last.js', undefined],
    ]);
    // the stand-in's answers: on the main thread the rule would have found the state the interrupt left
    expect(outcomes.slice(1)).toEqual([
      { path: 'fine.js', sites: [], parsed: true },
      { path: 'last.js', sites: [], parsed: true },
    ]);
  });

  it('when no worker can start to take over, the rest of the queue is reported, and the run ends', async () => {
    const outcomes: FileOutcome[] = [];
    const unstartable = path.resolve(__dirname, 'support', 'unstartable-worker.cjs');
    await runJobs([hanging], [...jobs, { path: 'last.js', source: LEAK }], {}, 1, (outcome) => outcomes.push(outcome), { fileTimeoutMs: 300, workerScript: unstartable });
    expect(outcomes.map((outcome) => [outcome.path, outcome.error])).toEqual([
      ['hang.js', 'took longer than 0.3 s to transform, so it was stopped (--file-timeout 0.3); left untouched'],
      ['fine.js', 'not transformed: no worker thread could start (it exited with code 3)'],
      ['last.js', 'not transformed: no worker thread could start (it exited with code 3)'],
    ]);
  });

  it('a file that does not hang runs on the main thread as before', async () => {
    const outcomes: FileOutcome[] = [];
    await runJobs([hanging], [{ path: 'fine.js', source: LEAK }], {}, 1, (outcome) => outcomes.push(outcome), { fileTimeoutMs: 300, workerScript: HANGING_WORKER });
    expect(outcomes[0].output).toContain(FIXED_MARK);
  });

  it('in a worker: the worker is terminated and replaced, the file reported, the others finish', async () => {
    const workerJobs: Job[] = ['a.ts', 'hang.ts', 'b.ts', 'c.ts'].map((file) => ({ path: file, source: `export const x = 1;\n`.padEnd(100 - file.length, ' ') }));
    const outcomes: FileOutcome[] = [];
    await runJobs(registry, workerJobs, {}, 2, (outcome) => outcomes.push(outcome), { mainThreadWorks: false, workerScript: HANGING_WORKER, fileTimeoutMs: 500 });
    expect(outcomes.map((outcome) => outcome.path).sort()).toEqual(['a.ts', 'b.ts', 'c.ts', 'hang.ts']);
    expect(outcomes.filter((outcome) => outcome.error).map((outcome) => [outcome.path, outcome.error])).toEqual([['hang.ts', 'took longer than 0.5 s to transform, so it was stopped (--file-timeout 0.5); left untouched']]);
  });
});
