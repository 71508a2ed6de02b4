// The command line, read strictly: every flag known, a typo named with the flag it is nearest to,
// report files with or without `=`, jscodeshift's flags accepted or refused with a reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_FLAGS, nearestFlag, parseArgs, TRANSFORM_OPTIONS, UsageError } from '../cli/args';
import { helpText } from '../cli/main';
import { createTempDir, removeTempDirs } from './harness';
import { cli, LEAK } from './support/cli';

afterEach(removeTempDirs);

const usage = (argv: string[], cwd = process.cwd()) => {
  try {
    parseArgs(argv, cwd);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return undefined;
};

describe('strict arguments', () => {
  it('an unknown flag exits 2 and names the nearest known one', async () => {
    const dir = createTempDir('forgotten-sender-args-', { 'a.js': LEAK });
    const typo = await cli(['--chek', '.'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown option --chek (did you mean --check?)');
    expect(usage(['--wirte'])).toBe('unknown option --wirte (did you mean --write?)');
    expect(usage(['--prefer-signal-timout=true'])).toBe('unknown option --prefer-signal-timout (did you mean --prefer-signal-timeout?)');
    expect(usage(['-x'])).toBe('unknown option -x');
    expect(nearestFlag('--completely-different')).toBeUndefined();
  });

  it('--json and --sarif take a file after = or after a space, and combine', () => {
    const dir = createTempDir('forgotten-sender-args-', { 'src/a.ts': '' });
    expect(parseArgs(['--json', 'a.json', '--sarif=b.sarif', 'src'], dir)).toMatchObject({ json: 'a.json', sarif: 'b.sarif', paths: ['src'] });
    expect(parseArgs(['--json', '--check'], dir)).toMatchObject({ json: '-', check: true, paths: ['.'] });
    // a directory or a source file after the flag is a path to scan: a report never overwrites code
    expect(parseArgs(['--sarif', 'src'], dir)).toMatchObject({ sarif: '-', paths: ['src'] });
    expect(parseArgs(['--json', 'src/a.ts'], dir)).toMatchObject({ json: '-', paths: ['src/a.ts'] });
    expect(usage(['--json', '--sarif'], dir)).toMatch(/cannot both go to stdout/);
    expect(usage(['--json='], dir)).toMatch(/needs a file name/);
  });

  it('--baseline and --update-baseline never take a value after a space', () => {
    expect(parseArgs(['--baseline', '--check'])).toMatchObject({ baseline: true, check: true, paths: ['.'] });
    expect(parseArgs(['--update-baseline', 'src'])).toMatchObject({ updateBaseline: true, paths: ['src'] });
    expect(parseArgs(['--baseline=known.json', 'src'])).toMatchObject({ baseline: 'known.json', paths: ['src'] });
    expect(usage(['--baseline', '--update-baseline'])).toMatch(/do not go together/);
  });

  it('jscodeshift\'s --dry and --print are the default dry run; --parser is refused with the reason', () => {
    expect(parseArgs(['--dry', '--print', '-d', '-p', 'src'])).toMatchObject({ write: false, paths: ['src'] });
    expect(usage(['--write', '--dry'])).toMatch(/--write and --dry contradict/);
    expect(usage(['--parser=tsx'])).toMatch(/^--parser is not an option here: every file is read with the grammar its extension calls for/);
    expect(usage(['--extensions=ts,vue'])).toBe('--extensions: .vue cannot be parsed by this tool (it reads .ts .tsx .mts .cts .js .jsx .mjs .cjs)');
    expect(parseArgs(['--extensions=ts,.JS']).extensions).toEqual(['.ts', '.js']);
  });

  it('--extensions and --ignore-pattern choose the files of a walk', async () => {
    const dir = createTempDir('forgotten-sender-args-', { 'a.js': LEAK, 'b.ts': LEAK, 'gen/c.js': LEAK, 'gen/keep.js': LEAK });
    const files = async (argv: string[]) => (JSON.parse((await cli(['--json', ...argv, '.'], dir)).stdout) as { changedFiles: string[] }).changedFiles;
    expect(await files([])).toEqual(['a.js', 'b.ts', 'gen/c.js', 'gen/keep.js']);
    expect(await files(['--extensions', 'ts'])).toEqual(['b.ts']);
    expect(await files(['--ignore-pattern', 'gen/', '--ignore-pattern=b.ts'])).toEqual(['a.js']);
    expect(await files(['--ignore-pattern', 'gen/*', '--ignore-pattern', '!gen/keep.js'])).toEqual(['a.js', 'b.ts', 'gen/keep.js']);
  });

  it('--jobs 0 is an error; --jobs above the cores is capped, and says so', async () => {
    expect(usage(['--jobs', '0'])).toMatch(/--jobs 0: a run needs at least one thread/);
    expect(usage(['-j', 'x'])).toBe("-j needs a whole number, got 'x'");
    const dir = createTempDir('forgotten-sender-args-', { 'a.js': LEAK });
    const result = await cli(['--jobs', '512', '.'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/--jobs 512: capped at \d+, the number of cores/);
  });
});

describe('documentation of the flags', () => {
  it('every flag is in --help and in the README\'s Options table (a transform option\'s --no- form in the sentence that covers them all)', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
    const options = readme.slice(readme.indexOf('\n### Options\n'), readme.indexOf('\n### Disable comments\n'));
    const help = helpText();
    const negated = new Set(TRANSFORM_OPTIONS.map((option) => `--no-${option.name}`));
    const named = (text: string, flag: string) => new RegExp(`${flag}(?![\\w-])`).test(text);
    for (const flag of KNOWN_FLAGS) {
      if (negated.has(flag)) continue;
      expect(named(help, flag), `${flag} in --help`).toBe(true);
      expect(named(options, flag), `${flag} in README ### Options`).toBe(true);
    }
    expect(help).toContain('Each is --name, --name=true|false or --no-name.');
    expect(options).toContain('each `--name`, `--name=true\\|false` or `--no-name`');
  });
});

describe('the transforms\' own options', () => {
  it('are every option the rules read, known flags, each a boolean', () => {
    const rulesDir = path.resolve(__dirname, '..', 'transforms', 'rules');
    const read = new Set<string>();
    for (const rule of fs.readdirSync(rulesDir)) {
      const file = path.join(rulesDir, rule, 'analyze.ts');
      if (!fs.existsSync(file)) continue;
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/options\['([a-z-]+)'\]/g)) read.add(`${rule}:${match[1]}`);
    }
    expect(TRANSFORM_OPTIONS.map((option) => `${option.rule}:${option.name}`).sort()).toEqual([...read].sort());
    expect(parseArgs(['--prefer-signal-timeout=true', '--no-clear-on-sync-throw', '--settle-on-work-rejection']).transformOptions).toEqual({
      'prefer-signal-timeout': true,
      'clear-on-sync-throw': false,
      'settle-on-work-rejection': true,
    });
    expect(usage(['--prefer-signal-timeout=yes'])).toBe("--prefer-signal-timeout is true or false, got 'yes'");
  });
});
