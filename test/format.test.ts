// --format: after --write, the repository's own formatter (a fake one here: it logs how it was
// called and marks each file it formats) runs on the written files only, from the repository root.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFormatter } from '../cli/format';
import { removeTempDirs } from './harness';
import { cli, FIXED_MARK, gitRepo, LEAK, SAFE } from './support/cli';

afterEach(removeTempDirs);

const MARK = '/* formatted */\n';

// A formatter binary that appends its cwd and arguments to calls.log and puts MARK at the top of each
// file it is given; with FAIL set it marks the files, then fails as a formatter does on bad input.
function fakeFormatter(dir: string, name: string, fail = false): void {
  const bin = path.join(dir, 'node_modules', '.bin', name);
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(path.join(dir, 'calls.log'))}, JSON.stringify({ name: ${JSON.stringify(name)}, cwd: process.cwd(), args }) + '\\n');
for (const file of args.filter((arg) => arg.endsWith('.js'))) fs.writeFileSync(file, ${JSON.stringify(MARK)} + fs.readFileSync(file, 'utf8'));
if (${fail}) { console.error('[error] a.js: SyntaxError: Unexpected token (1:1)'); process.exit(2); }
`;
  fs.writeFileSync(bin, script, { mode: 0o755 });
}

const calls = (dir: string) =>
  fs
    .readFileSync(path.join(dir, 'calls.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

// what --write alone writes for `files`, from a twin repository
async function writtenWithout(files: Record<string, string>): Promise<Record<string, string>> {
  const twin = gitRepo(files);
  await cli(['--write', '--force'], twin);
  return Object.fromEntries(Object.keys(files).map((file) => [file, read(twin, file)]));
}

describe('--format', () => {
  it("runs the repository's prettier on the written files only, from the root, and shows what is on disk", async () => {
    const files = { 'src/a.js': LEAK, 'src/b.js': LEAK, 'src/safe.js': SAFE, '.prettierrc': '{ "semi": false }\n' };
    const dir = gitRepo(files);
    fakeFormatter(dir, 'prettier');
    const result = await cli(['--write', '--force', '--format', 'src'], dir);
    expect(result.code).toBe(0);
    expect(calls(dir)).toEqual([{ name: 'prettier', cwd: fs.realpathSync(dir), args: ['--write', 'src/a.js', 'src/b.js'] }]);
    const plain = await writtenWithout(files);
    expect(read(dir, 'src/a.js')).toBe(MARK + plain['src/a.js']);
    expect(read(dir, 'src/a.js')).toContain(FIXED_MARK);
    expect(read(dir, 'src/safe.js')).toBe(SAFE);
    expect(result.stderr).toContain('--format: prettier (node_modules/.bin/prettier, config .prettierrc) formatted the 2 files written');
    expect(result.stdout).toContain(`+${MARK}`);
  });

  it('gives the formatter paths from the repository root when run in a subdirectory', async () => {
    const dir = gitRepo({ 'pkg/a.js': LEAK, 'biome.json': '{}\n' });
    fakeFormatter(dir, 'biome');
    const result = await cli(['--write', '--force', '--format', 'a.js'], path.join(dir, 'pkg'));
    expect(result.code).toBe(0);
    expect(calls(dir)[0].args).toEqual(['format', '--write', 'pkg/a.js']);
  });

  it('picks the formatter a config names when several are installed, else the one package.json depends on', () => {
    const dir = gitRepo({ 'dprint.json': '{}\n' });
    for (const name of ['prettier', 'biome', 'dprint']) fakeFormatter(dir, name);
    expect(findFormatter(dir)?.name).toBe('dprint');
    fs.rmSync(path.join(dir, 'dprint.json'));
    // installed as a dependency of a dependency (xo brings a prettier): not the repository's
    expect(findFormatter(dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "devDependencies": { "@biomejs/biome": "2.0.0" } }\n');
    expect(findFormatter(dir)).toMatchObject({ name: 'biome', config: undefined });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "prettier": { "semi": false } }\n');
    expect(findFormatter(dir)).toMatchObject({ name: 'prettier', config: 'package.json "prettier"' });
  });

  it('leaves a formatter that only came along with another package alone, and says why', async () => {
    const files = { 'a.js': LEAK, 'package.json': '{ "devDependencies": { "xo": "1.0.0" } }\n' };
    const dir = gitRepo(files);
    fakeFormatter(dir, 'prettier');
    const result = await cli(['--write', '--force', '--format', 'a.js'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("--format: prettier is installed in");
    expect(result.stderr).toContain("but neither a config nor package.json names it: not this repository's formatter");
    expect(fs.existsSync(path.join(dir, 'calls.log'))).toBe(false);
    expect(read(dir, 'a.js')).toBe((await writtenWithout(files))['a.js']);
  });

  it('with no formatter installed, says so and writes what --write alone writes', async () => {
    const files = { 'a.js': LEAK, '.prettierrc': '{}\n' };
    const dir = gitRepo(files);
    const result = await cli(['--write', '--force', '--format'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('--format: no prettier, biome or dprint installed in');
    expect(read(dir, 'a.js')).toBe((await writtenWithout(files))['a.js']);
  });

  it('when the formatter fails, puts the files back as the codemod wrote them and fails the run', async () => {
    const files = { 'a.js': LEAK, 'b.js': LEAK, 'package.json': '{ "devDependencies": { "prettier": "3.0.0" } }\n' };
    const dir = gitRepo(files);
    fakeFormatter(dir, 'prettier', true);
    const result = await cli(['--write', '--force', '--format'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format: prettier (node_modules/.bin/prettier) exited with status 2; the files are back as the codemod wrote them:\n[error] a.js: SyntaxError');
    expect(result.stderr).toContain('a.js  error  --format: prettier failed');
    const plain = await writtenWithout(files);
    expect(read(dir, 'a.js')).toBe(plain['a.js']);
    expect(read(dir, 'b.js')).toBe(plain['b.js']);
  });

  it('does not run when nothing was written, and needs --write', async () => {
    const dir = gitRepo({ 'safe.js': SAFE, '.prettierrc': '{}\n' });
    fakeFormatter(dir, 'prettier');
    expect((await cli(['--write', '--force', '--format'], dir)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'calls.log'))).toBe(false);
    const dry = await cli(['--format'], dir);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('--format formats the files --write writes: add --write');
  });
});
