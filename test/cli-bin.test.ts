// The installed command, end to end: `node bin/forgotten-sender.cjs` in a child process, with the
// real registry. Assertions stay on structure (exit codes, headers, idempotence), never on the exact
// rewrite a transform makes: its fixtures test that.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../transforms/registry';
import { createTempDir, removeTempDirs } from './harness';

const BIN = path.resolve(__dirname, '..', 'bin', 'forgotten-sender.cjs');

// The article's leaky race (listing 4): every Promise.race transform should want to touch it.
const LEAKY = `declare function search(term: string): Promise<string>;
export async function find(term: string): Promise<string> {
  return await Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
`;

const tempDir = (files: Record<string, string>) => createTempDir('forgotten-sender-bin-', files);
afterEach(removeTempDirs);

function forgottenSender(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, CI: undefined, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

describe('forgotten-sender (bin)', () => {
  it('--help lists every transform of the registry with its summary', () => {
    const result = forgottenSender(['--help'], os.tmpdir());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: forgotten-sender/);
    for (const codemod of registry) {
      const line = result.stdout.split('\n').find((text) => text.trimStart().startsWith(`${codemod.name} `));
      expect(line?.trim().replace(/\s+/, ' ')).toBe(`${codemod.name} ${codemod.summary}`);
    }
  });

  it('rejects an unknown transform name with exit 2', () => {
    const result = forgottenSender(['--only', 'no-such-transform', '.'], os.tmpdir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown transform: no-such-transform');
  });

  it('prints plain diffs when piped, colored ones with --color, and the same with one or two threads', () => {
    const dir = tempDir({ 'src/leaky.ts': LEAKY, 'src/leaky2.ts': LEAKY, 'src/other.ts': 'export const x = 1;\n' });
    const plain = forgottenSender(['src'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^--- a\/src\/leaky\.ts\n\+\+\+ b\/src\/leaky\.ts\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n/);
    expect(plain.stdout).toContain('--- a/src/leaky2.ts');
    expect(plain.stdout).not.toContain('\x1b[');
    expect(plain.stderr).toMatch(/files scanned\s+3/);
    expect(plain.stderr).toMatch(/files to change\s+2/);
    expect(forgottenSender(['--color', 'src'], dir).stdout).toContain('\x1b[32m+');
    const twoThreads = forgottenSender(['--jobs', '2', 'src'], dir);
    expect(twoThreads.stdout).toBe(plain.stdout);
    expect(twoThreads.stderr).toMatch(/\(2 threads\)/);
  });

  it('--check fails on a leaky race and passes once --write fixed it; a second run changes nothing', () => {
    const dir = tempDir({ 'leaky.ts': LEAKY });
    expect(forgottenSender(['--check', '.'], dir).code).toBe(1);
    const written = forgottenSender(['--write', '.'], dir);
    expect(written.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'leaky.ts'), 'utf8')).not.toBe(LEAKY);
    const again = forgottenSender(['.'], dir);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/files to change\s+0/);
  });

  it('--write refuses a dirty git work tree unless --force', () => {
    const dir = tempDir({ 'leaky.ts': LEAKY, 'notes.ts': 'export const notes = 1;\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'initial');
    fs.appendFileSync(path.join(dir, 'notes.ts'), 'export const more = 2;\n');

    const refused = forgottenSender(['--write', '.'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to --write');
    expect(refused.stderr).toContain('notes.ts');
    expect(fs.readFileSync(path.join(dir, 'leaky.ts'), 'utf8')).toBe(LEAKY);

    const forced = forgottenSender(['--write', '--force', '.'], dir);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'leaky.ts'), 'utf8')).not.toBe(LEAKY);
  });

  it('lists files the way git does: tracked and untracked, not ignored', () => {
    const dir = tempDir({ '.gitignore': 'generated/\n', 'leaky.ts': LEAKY, 'generated/leaky.ts': LEAKY, 'untracked/leaky.ts': LEAKY });
    git(dir, 'init', '-q');
    git(dir, 'add', 'leaky.ts', '.gitignore');
    git(dir, 'commit', '-q', '-m', 'initial');
    const result = forgottenSender(['--no-diff', '--json', '.'], dir);
    const report = JSON.parse(result.stdout) as { changedFiles: string[] };
    expect(report.changedFiles).toEqual(['leaky.ts', 'untracked/leaky.ts']);
  });

  it('--sarif to stdout is valid JSON with SARIF 2.1.0 results for the changed file', () => {
    const dir = tempDir({ 'leaky.ts': LEAKY });
    const result = forgottenSender(['--sarif', '.'], dir);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.length).toBeGreaterThan(0);
    for (const site of results) {
      expect(registry.map((codemod) => codemod.name)).toContain(site.ruleId);
      expect(site.locations[0].physicalLocation.artifactLocation.uri).toBe('leaky.ts');
    }
  });

  it('runs compiled JavaScript from a cache named by the sources, and gives the same result from the sources', () => {
    const { compiledRoot } = require('../cli/load.cjs') as { compiledRoot(): string | undefined };
    const compiled = compiledRoot();
    expect(compiled).toBeDefined();
    for (const file of ['cli/main.js', 'cli/worker.js', 'transforms/registry.js', 'package.json']) expect(fs.existsSync(path.join(compiled!, file))).toBe(true);
    const dir = tempDir({ 'a/leaky.ts': LEAKY, 'b/leaky.ts': LEAKY });
    const fromBuild = forgottenSender(['--jobs', '2', '--json', '.'], dir);
    const fromSources = forgottenSender(['--jobs', '2', '--json', '.'], dir, { FORGOTTEN_SENDER_NO_BUILD: '1' });
    expect(fromBuild.code).toBe(0);
    expect(JSON.parse(fromBuild.stdout).sites.length).toBeGreaterThan(0);
    expect(JSON.parse(fromSources.stdout).sites).toEqual(JSON.parse(fromBuild.stdout).sites);
    // a build of new sources, then every file through @babel/register in three threads: 8 s alone,
    // past the default 20 s beside the rest of the suite on two loaded cores
  }, 120_000);

  it('removes builds of earlier sources once they are a day old, and keeps the current one', () => {
    const { pruneOldBuilds } = require('../cli/load.cjs') as { pruneOldBuilds(cacheRoot: string, keep: string): void };
    const cacheRoot = createTempDir('forgotten-sender-cache-', { 'current/cli/main.js': '', 'old/cli/main.js': '', 'recent/cli/main.js': '' });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    fs.utimesSync(path.join(cacheRoot, 'old'), twoDaysAgo, twoDaysAgo);
    fs.utimesSync(path.join(cacheRoot, 'current'), twoDaysAgo, twoDaysAgo);
    pruneOldBuilds(cacheRoot, 'current');
    expect(fs.readdirSync(cacheRoot).sort()).toEqual(['current', 'recent']);
  });

  it('finishes quietly when the reader of its output goes away (`| head`)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -c 1`], { encoding: 'utf8' });
    expect(result.stdout).toBe('U');
    expect(result.stderr).toBe('');
  });

  it('npm start runs over examples/ unless paths are given', () => {
    const start = path.resolve(__dirname, '..', 'scripts', 'start.cjs');
    const run = (args: string[]) => JSON.parse(spawnSync(process.execPath, [start, '--json', ...args], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' }).stdout) as { sites: { file: string }[] };
    const files = (args: string[]) => [...new Set(run(args).sites.map((site) => site.file))].sort();
    expect(files(['--only', 'race-timeout']).every((file) => file.startsWith('examples/'))).toBe(true);
    expect(files(['--only', 'race-timeout']).length).toBeGreaterThan(1);
    expect(files(['examples/listing-4.ts'])).toEqual(['examples/listing-4.ts']);
  });

  it('prints what the README\'s sample session shows, from the clone, but for the time', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
    const session = /### Sample session\n\n```console\n\$ npx forgotten-sender (.+)\n([\s\S]*?)```/.exec(readme);
    expect(session).not.toBeNull();
    const result = forgottenSender(['--no-progress', ...session![1].split(' ')], path.resolve(__dirname, '..'));
    const time = (text: string) => text.replace(/time {13}\d+\.\d+ s/, 'time             N s');
    expect(time(result.stdout + result.stderr)).toBe(time(session![2]));
  });

  it('exits 2 and names the file and line when a file does not parse, and never crashes', () => {
    const dir = tempDir({ 'broken.ts': 'Promise.race([setTimeout(() => {}, 1), \n', 'leaky.ts': LEAKY });
    const result = forgottenSender(['.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.ts:\d+:\d+  error  file does not parse/);
    expect(result.stdout).toContain('--- a/leaky.ts');
  });
});
