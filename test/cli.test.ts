// The CLI's pipeline in process, with a test double transform (rename-old) so that every expected
// diff, site and report is exact and independent of the real transforms' rewrites.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { unifiedDiff } from '../cli/diff';
import { transformSource } from '../cli/engine';
import { listFiles, parseGitignore } from '../cli/files';
import { EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK, run } from '../cli/main';
import { type Job, runJobs } from '../cli/pool';
import { writeFileAtomic } from '../cli/write';
import jscodeshift from 'jscodeshift';
import { cheapParse, cheapVerdict, matchCalls } from '../transforms/lib/candidates';
import { type Codemod, recordFixedSite, runCodemods } from '../transforms/lib/codemod';
import { registry } from '../transforms/registry';
import { createTempDir, removeTempDirs } from './harness';

// Renames the identifier OLD (to NEW, or to --new-name=…) and reports every FLAGGED identifier.
const renameOld: Codemod = {
  name: 'rename-old',
  summary: 'Renames OLD (a test double).',
  mayApply: (source) => source.includes('OLD') || source.includes('FLAGGED'),
  apply(ctx) {
    const newName = typeof ctx.options['new-name'] === 'string' ? ctx.options['new-name'] : 'NEW';
    let changed = false;
    ctx.root.find(ctx.j.Identifier).forEach((identifier) => {
      if (identifier.node.name === 'OLD') {
        identifier.node.name = newName;
        recordFixedSite(ctx, 'rename-old', identifier.node, 'OLD is renamed');
        changed = true;
      } else if (identifier.node.name === 'FLAGGED') {
        ctx.report(identifier.node, { what: 'FLAGGED found', why: 'it cannot be renamed safely', fix: 'rename it by hand' });
      }
    });
    return changed;
  },
};

// Changes files without naming its sites: counted once per changed file.
const appendSemicolonComment: Codemod = {
  name: 'mark-file',
  summary: 'Adds a comment to files mentioning MARK (a test double).',
  mayApply: (source) => source.includes('MARK'),
  apply(ctx) {
    const program = ctx.root.find(ctx.j.Program).get().node;
    program.body.push(ctx.j.expressionStatement(ctx.j.identifier('MARKED')));
    return true;
  },
};

const tempDir = (files: Record<string, string | Buffer>) => createTempDir('forgotten-sender-cli-', files);
afterEach(removeTempDirs);

async function cli(argv: string[], codemods: Codemod[] = [renameOld], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env: {},
  };
  const code = await run(parseArgs(['--no-progress', ...argv]), codemods, io);
  return { code, stdout, stderr };
}

describe('dry run', () => {
  it('prints a unified diff and writes nothing', async () => {
    const dir = tempDir({ 'a.ts': 'const OLD = 1;\nconsole.log(OLD);\n', 'b.ts': 'const other = 2;\n' });
    const file = path.join(dir, 'a.ts');
    const result = await cli([dir]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toBe(
      [`--- a/${file}`, `+++ b/${file}`, '@@ -1,2 +1,2 @@', '-const OLD = 1;', '-console.log(OLD);', '+const NEW = 1;', '+console.log(NEW);', ''].join('\n'),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('const OLD = 1;\nconsole.log(OLD);\n');
    expect(result.stderr).toContain('files scanned    2');
    expect(result.stderr).toMatch(/rename-old\s+2\s+0/);
  });

  it('passes unknown options through to the transforms, as jscodeshift does', async () => {
    const dir = tempDir({ 'a.js': 'OLD();\n' });
    const result = await cli(['--new-name=RENAMED', dir]);
    expect(result.stdout).toContain('+RENAMED();');
  });

  it('runs only the transforms asked for', async () => {
    const dir = tempDir({ 'a.js': 'OLD(); // MARK\n' });
    expect((await cli(['--skip', 'rename-old', dir], [renameOld, appendSemicolonComment])).stdout).not.toContain('NEW');
    expect((await cli(['--only=rename-old', dir], [renameOld, appendSemicolonComment])).stdout).not.toContain('MARKED');
    const unknown = await cli(['--only', 'no-such-transform', dir]);
    expect(unknown.code).toBe(EXIT_ERROR);
    expect(unknown.stderr).toContain('unknown transform: no-such-transform (known: rename-old)');
  });
});

describe('--check', () => {
  it('exits 1 when a site is fixable', async () => {
    expect((await cli(['--check', tempDir({ 'a.ts': 'OLD;\n' })])).code).toBe(EXIT_CHECK_FAILED);
  });

  it('exits 1 when a site is only reported', async () => {
    const result = await cli(['--check', tempDir({ 'a.ts': 'FLAGGED;\n' })]);
    expect(result.code).toBe(EXIT_CHECK_FAILED);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('a.ts:1:1: FLAGGED found — it cannot be renamed safely — rename it by hand');
  });

  it('exits 0 when nothing is left', async () => {
    expect((await cli(['--check', tempDir({ 'a.ts': 'const fine = 1;\n' })])).code).toBe(EXIT_OK);
  });
});

describe('--json and --sarif', () => {
  it('lists every site with file, line, column, transform, status and reason', async () => {
    const dir = tempDir({ 'a.ts': 'const OLD = FLAGGED;\n', 'b.js': 'x(); // MARK\n' });
    const result = await cli(['--json', dir], [renameOld, appendSemicolonComment]);
    const report = JSON.parse(result.stdout) as { sites: unknown[]; summary: { filesChanged: number; perTransform: unknown } };
    expect(report.sites).toEqual([
      { file: path.join(dir, 'a.ts'), line: 1, column: 7, transform: 'rename-old', status: 'fixed', reason: 'OLD is renamed' },
      { file: path.join(dir, 'a.ts'), line: 1, column: 13, transform: 'rename-old', status: 'reported', reason: 'FLAGGED found — it cannot be renamed safely — rename it by hand' },
      { file: path.join(dir, 'b.js'), line: 2, column: 1, transform: 'mark-file', status: 'fixed', reason: 'Adds a comment to files mentioning MARK (a test double).' },
    ]);
    expect(report.summary.filesChanged).toBe(2);
    expect(report.summary.perTransform).toEqual({ 'rename-old': { fixed: 1, reported: 1 }, 'mark-file': { fixed: 1, reported: 0 } });
  });

  it('writes SARIF 2.1.0 with one rule per transform and relative artifact URIs', async () => {
    const dir = tempDir({ 'src/a.ts': 'const OLD = FLAGGED;\n' });
    const sarifFile = path.join(dir, 'out.sarif');
    const result = await cli([`--sarif=${sarifFile}`, path.join(dir, 'src')], [renameOld], dir);
    expect(result.stdout).toContain('--- a/');
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [runResult] = sarif.runs;
    expect(runResult.tool.driver.name).toBe('forgotten-sender');
    expect(runResult.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['rename-old']);
    expect(runResult.results).toHaveLength(2);
    expect(runResult.results[0]).toMatchObject({
      ruleId: 'rename-old',
      ruleIndex: 0,
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 7 } } }],
      properties: { status: 'fixed', transform: 'rename-old' },
    });
    expect(runResult.results[1].properties.status).toBe('reported');
    expect(runResult.invocations[0].executionSuccessful).toBe(true);
  });
});

describe('--write', () => {
  it('replaces the file, keeps its mode and leaves no temporary file', async () => {
    const dir = tempDir({ 'a.ts': 'const OLD = 1;\n' });
    const file = path.join(dir, 'a.ts');
    fs.chmodSync(file, 0o754);
    const result = await cli(['--write', dir]);
    expect(result.code).toBe(EXIT_OK);
    expect(fs.readFileSync(file, 'utf8')).toBe('const NEW = 1;\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o754);
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);
    // --write with --check: what was fixed is no longer left, so only reports would fail the check.
    expect((await cli(['--write', '--check', dir])).code).toBe(EXIT_OK);
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const dir = tempDir({ 'crlf.ts': 'const OLD = 1;\r\nconsole.log(OLD);\r\n', 'bom.ts': '\uFEFFconst OLD = 1;\n' });
    const dry = await cli([dir]);
    expect(dry.stdout).not.toContain('\r');
    expect(dry.stdout).not.toContain('\uFEFF');
    expect(dry.stdout).toContain('+const NEW = 1;');
    await cli(['--write', dir]);
    expect(fs.readFileSync(path.join(dir, 'crlf.ts'), 'utf8')).toBe('const NEW = 1;\r\nconsole.log(NEW);\r\n');
    expect(fs.readFileSync(path.join(dir, 'bom.ts'), 'utf8')).toBe('\uFEFFconst NEW = 1;\n');
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
      'binary.js': Buffer.from([0x4f, 0x4c, 0x44, 0x00, 0x01]),
      'huge.js': `const OLD = 1;\n// ${'x'.repeat(2000)}\n`,
      'minified.js': `var OLD=1;${'a=1;'.repeat(300)}\n`,
      'broken.ts': 'const OLD = ;\n',
      'fine.ts': 'const OLD = 1;\n',
      'latin1.js': Buffer.from('const OLD = "caf\xe9";\n', 'latin1'),
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
    expect(report.changedFiles).toEqual([path.join(dir, 'fine.ts')]);
    expect(result.stderr).toMatch(new RegExp(`${path.join(dir, 'broken.ts')}:1:\\d+: error: file does not parse`));
  });

  it('reads Flow with its @flow pragma, and hints at the pragma when Flow without it fails', async () => {
    const dir = tempDir({ 'typed.js': '// @flow\ntype T = {| a: number |};\nconst OLD: T = { a: 1 };\n', 'untyped.js': 'type T = {| a: number |};\nconst OLD = 1;\n' });
    const result = await cli([dir]);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stdout).toContain('+const NEW: T = { a: 1 };');
    expect(result.stderr).toContain(`${path.join(dir, 'untyped.js')}:1:`);
    expect(result.stderr).toContain('add a // @flow pragma');
  });

  it('reports a path that cannot be read, and still processes the others', async () => {
    const dir = tempDir({ 'fine.ts': 'const OLD = 1;\n' });
    fs.symlinkSync(path.join(dir, 'nowhere.ts'), path.join(dir, 'dangling.ts'));
    const result = await cli([path.join(dir, 'dangling.ts'), path.join(dir, 'fine.ts')]);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain(`${path.join(dir, 'dangling.ts')}: error: no such file or directory`);
    expect(result.stdout).toContain('+const NEW = 1;');
  });

  it('returns an error outcome, not an exception, when a transform throws', () => {
    const throwing: Codemod = { name: 'throws', summary: 'Throws.', mayApply: () => true, apply: () => { throw new Error('boom'); } };
    const outcome = transformSource([throwing], 'a.js', 'x();\n', {});
    expect(outcome.error).toBe('transform throws crashed: boom');
    expect(outcome.output).toBeUndefined();
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
    const reports: string[] = [];
    const api = { jscodeshift, j: jscodeshift, stats: () => undefined, report: (line: string) => reports.push(line) };
    const expected = runCodemods(registry, { path: file, source }, api, {});
    const outcome = transformSource(registry, file, source, {});
    expect(outcome.output).toBe(expected);
    const reported = outcome.sites.filter((site) => site.status === 'reported').map((site) => `${site.file}:${site.line}:${site.column}: ${site.reason}`);
    const failed = outcome.error !== undefined ? [`${file}:${outcome.errorAt?.line}:${outcome.errorAt?.column}: ${outcome.error}`] : [];
    expect([...reported, ...failed].sort()).toEqual([...reports].sort());
  });
});

describe('cheap parse before recast', () => {
  // Wraps calls of `race(...)` in `wrapped(...)`, and declares it: only files calling `race` matter.
  const wrapRace: Codemod = {
    name: 'wrap-race',
    summary: 'Wraps race calls (a test double).',
    mayApply: (source) => source.includes('race'),
    calls: ['race'],
    apply(ctx) {
      const calls = ctx.root.find(ctx.j.CallExpression, { callee: { property: { name: 'race' } } });
      calls.replaceWith((call) => ctx.j.callExpression(ctx.j.identifier('wrapped'), [call.node]));
      return calls.size() > 0;
    },
  };

  it('finishes without recast a file that only mentions the callee, and parses one that calls it', () => {
    const mentions = transformSource([wrapRace], 'a.ts', '// Promise.race is not called here\nconst trace = "race";\nconst race = { fast: true };\n', {});
    expect(mentions).toEqual({ path: 'a.ts', sites: [], parsed: true, recast: false });
    const word = transformSource([wrapRace], 'b.ts', 'const trace = 1;\n', {});
    expect(word).toEqual({ path: 'b.ts', sites: [], parsed: false, recast: false });
    const calls = transformSource([wrapRace], 'c.ts', 'Promise.race([a, b]);\n', {});
    expect(calls.recast).toBe(true);
    expect(calls.output).toBe('wrapped(Promise.race([a, b]));\n');
  });

  it('sees calls through optional chaining, string keys, casts, parentheses and `new`', () => {
    for (const source of ['race([]);\n', 'Promise?.race([]);\n', "Promise['race']([]);\n", '(Promise.race as any)([]);\n', 'Promise.race!([]);\n', '(0, Promise.race)([]);\n', 'new Race.race();\n']) {
      expect(cheapVerdict([wrapRace], 'f.ts', source)).toBe('maybe');
    }
    expect(cheapVerdict([wrapRace], 'f.ts', 'const options = { race: true };\nobject.race = 1;\n')).toBe('none');
  });

  it('reports from the plain tree without recast when nothing changes, and parses with recast a file that changes', () => {
    const reportedOnly = `export async function find(term: string) {
  const timer = setTimeout(() => {}, 100);
  return await Promise.race([search(term), timeout]);
}
`;
    const plain = transformSource(registry, 'reported.ts', reportedOnly, {});
    const exact = transformSource(registry, 'reported.ts', reportedOnly, {}, undefined, true);
    expect(plain.sites.length).toBeGreaterThan(0);
    expect(plain).toEqual({ ...exact, recast: false });
    expect(exact.recast).toBe(true);
    const changes = transformSource([wrapRace], 'c.ts', 'Promise.race([a, b]);\n', {});
    expect(changes.recast).toBe(true);
  });

  it('tells which transforms\' calls occur: a timer inside `new Promise`, a timer calling a parameter, an aliased import', () => {
    const source = `import { setTimeout as later } from 'node:timers';
function sleep(ms) { return new Promise((resolve) => later(resolve, ms)); }
function withDeadline(done) { setTimeout(() => log('late'), 10); later(() => done(new Error('timeout')), 100); }
`;
    const ast = cheapParse([wrapRace, { ...wrapRace, calls: ['setTimeout'] }], 'g.js', source).ast;
    expect(ast).toBeDefined();
    const groups = [['race'], [{ callee: 'setTimeout', inside: 'Promise' }], [{ callee: 'setTimeout', callsParameter: true }], [{ callee: 'abort', inside: 'setTimeout' }]];
    expect(matchCalls(ast, groups)).toEqual([false, true, true, false]);
    expect(matchCalls(ast, [[{ callee: 'setTimeout', inside: 'race' }]])).toEqual([false]);
  });

  it('leaves a syntax error to the full run, which reports it as jscodeshift does', () => {
    const broken = transformSource([wrapRace], 'd.ts', 'Promise.race([a, \n', {});
    expect(broken.recast).toBe(true);
    expect(broken.error).toMatch(/^file does not parse/);
  });

  it('gives the same result as --exact', () => {
    for (const source of ['x.race(1);\n', '/* race() */ let y = 1;\n', 'Promise["race"]([p]);\n', 'race?.(1);\n']) {
      expect(transformSource([wrapRace], 'e.ts', source, {}).output).toBe(transformSource([wrapRace], 'e.ts', source, {}, undefined, true).output);
    }
  });
});

describe('worker threads', () => {
  it('give the same outcome as the main thread, file by file', async () => {
    const leaky = `export async function find(term: string) {
  return await Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
`;
    const jobs: Job[] = [
      { path: 'leaky.ts', source: leaky },
      { path: 'broken.ts', source: 'Promise.race([setTimeout(() => {}, 1), \n' },
      { path: 'plain.ts', source: 'export const race = 1;\n' },
    ];
    const inMain = jobs.map((job) => transformSource(registry, job.path, job.source, {}));
    const inWorkers: ReturnType<typeof transformSource>[] = [];
    await runJobs(registry, jobs, {}, 3, false, (outcome) => inWorkers.push(outcome), { mainThreadWorks: false });
    inWorkers.sort((a, b) => jobs.findIndex((job) => job.path === a.path) - jobs.findIndex((job) => job.path === b.path));
    expect(inWorkers).toEqual(inMain);
  });

  // A stand-in worker that answers like worker.ts, except that it throws on `throw.ts` (as on an
  // uncaught error or running out of memory: 'error', then 'exit') and calls process.exit on `exit.ts`.
  const CRASHING_WORKER = path.resolve(__dirname, 'support', 'crashing-worker.cjs');

  it.each(['throw.ts', 'exit.ts'])('lose only the file a dying worker held (%s), and the run finishes', async (fatal) => {
    const jobs: Job[] = ['a.ts', fatal, 'b.ts', 'c.ts'].map((file) => ({ path: file, source: `export const ${file[0]} = 1;\n`.padEnd(100 - file.length, ' ') }));
    const outcomes: ReturnType<typeof transformSource>[] = [];
    await runJobs(registry, jobs, {}, 3, false, (outcome) => outcomes.push(outcome), { mainThreadWorks: false, workerScript: CRASHING_WORKER });
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
