// forgotten-sender.config.json (or package.json's "forgotten-sender"), found from the repository
// root: include/ignore globs, rules on and off, rule options; an unknown key fails with its line.
// Beside it, .forgotten-senderignore.
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from './harness';
import { cli, gitRepo, LEAK } from './support/cli';

afterEach(removeTempDirs);

const ABORT = 'export async function get(url) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 100);\n  const response = await fetch(url, { signal: controller.signal });\n  return response.status;\n}\n';

const changed = async (argv: string[], cwd: string) => (JSON.parse((await cli(['--json', ...argv], cwd)).stdout) as { changedFiles: string[] }).changedFiles;

describe('config', () => {
  it('is read from the repository root when run from a subdirectory; include and ignore are globs from the root', async () => {
    const dir = gitRepo({
      'forgotten-sender.config.json': JSON.stringify({ include: ['src/'], ignore: ['**/*.gen.js', 'src/vendor'] }),
      'src/a.js': LEAK,
      'src/b.gen.js': LEAK,
      'src/vendor/c.js': LEAK,
      'scripts/d.js': LEAK,
    });
    expect(await changed(['.'], dir)).toEqual(['src/a.js']);
    expect(await changed(['.'], path.join(dir, 'src'))).toEqual(['a.js']);
    // a file named on the command line is left out too, and says why
    const named = await cli([path.join('src', 'b.gen.js')], dir);
    expect(named.stdout).toBe('');
    expect(named.stderr).toContain('src/b.gen.js  skipped  ignored by forgotten-sender.config.json');
  });

  it('turns rules off and gives them options; the command line wins', async () => {
    const dir = gitRepo({ 'forgotten-sender.config.json': JSON.stringify({ rules: { 'race-timeout': 'off', 'abort-timeout': { 'prefer-signal-timeout': true } } }), 'a.js': LEAK, 'b.js': ABORT });
    const result = await cli(['.'], dir);
    expect(result.stdout).not.toContain('a/a.js');
    expect(result.stdout).toContain('AbortSignal.timeout(100)');
    expect((await cli(['--no-prefer-signal-timeout', '.'], dir)).stdout).not.toContain('AbortSignal.timeout(100)');
    expect((await cli(['--only', 'race-timeout', '.'], dir)).stdout).toContain('--- a/a.js');
  });

  it('may live in package.json under "forgotten-sender", or wherever --config says', async () => {
    const dir = gitRepo({ 'package.json': JSON.stringify({ name: 'x', 'forgotten-sender': { ignore: ['a.js'] } }), 'a.js': LEAK, 'b.js': LEAK, 'other.json': JSON.stringify({ ignore: ['b.js'] }) });
    expect(await changed(['.'], dir)).toEqual(['b.js']);
    expect(await changed(['--config', 'other.json', '.'], dir)).toEqual(['a.js']);
  });

  it('.forgotten-senderignore at the repository root leaves out what its gitignore-style lines match, whichever config is read', async () => {
    const dir = gitRepo({
      '.forgotten-senderignore': '# generated code\r\ngen/\n*.gen.js\n!keep.gen.js\n',
      'forgotten-sender.config.json': JSON.stringify({ ignore: ['old.js'] }),
      'a.js': LEAK,
      'old.js': LEAK,
      'gen/b.js': LEAK,
      'src/c.gen.js': LEAK,
      'src/keep.gen.js': LEAK,
      'other.json': '{}',
    });
    expect(await changed(['.'], dir)).toEqual(['a.js', 'src/keep.gen.js']);
    expect(await changed(['.'], path.join(dir, 'src'))).toEqual(['keep.gen.js']);
    expect(await changed(['--config', 'other.json', '.'], dir)).toEqual(['a.js', 'old.js', 'src/keep.gen.js']);
    const named = await cli(['gen/b.js'], dir);
    expect(named.stdout).toBe('');
    expect(named.stderr).toContain('gen/b.js  skipped  ignored by .forgotten-senderignore');
  });

  it('an unknown key, rule or option is an error with its file and line, before any work', async () => {
    const cases: [unknown, string][] = [
      [{ include: ['src/'], rulez: {} }, ':5: unknown key "rulez" (known: $schema, include, ignore, rules)'],
      [{ rules: { 'race-timout': 'off' } }, ':3: unknown rule "race-timout" (known: race-timeout,'],
      [{ rules: { 'abort-timeout': { 'prefer-signal': true } } }, ':4: unknown option "prefer-signal" of abort-timeout (known: prefer-signal-timeout)'],
      [{ rules: { 'abort-timeout': { 'prefer-signal-timeout': 'yes' } } }, ':4: "prefer-signal-timeout" is true or false'],
      [{ ignore: 'a.js' }, ':2: "ignore" is a list of globs'],
    ];
    for (const [config, message] of cases) {
      const dir = gitRepo({ 'forgotten-sender.config.json': JSON.stringify(config, null, 2), 'a.js': LEAK });
      const result = await cli(['.'], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`forgotten-sender: ${path.join(dir, 'forgotten-sender.config.json')}${message}`);
    }
    const broken = gitRepo({ 'forgotten-sender.config.json': '{\n  "include": ["src/"],\n}\n' });
    expect((await cli(['.'], broken)).stderr).toContain('forgotten-sender.config.json:3:1: not valid JSON: expected a key in double quotes');
    expect((await cli(['--config', 'nope.json', '.'], broken)).stderr).toContain('--config nope.json: no such file');
  });
});
