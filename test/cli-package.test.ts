// The package as a user gets it: `npm pack`, installed into an empty project outside the clone with
// --omit=dev, then its command, its jscodeshift entry and its programmatic API (CommonJS, ESM and
// the TypeScript types) run from there. npm fetches the dependencies from its cache or the registry.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as apiRun } from '../cli/api';
import type * as Api from '../cli/index';
import { sh } from './support/npm';

const ROOT = path.resolve(__dirname, '..');

// The hand-written types describe the implementation: tsc fails here if they part.
const typed: typeof Api.run = apiRun;
void typed;

let temp: string;
let tarball: string;
let project: string;
let packed: { path: string }[];

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-package-'));
  const pack = sh('npm', ['pack', '--json', '--pack-destination', temp], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(temp, info.filename);
  packed = info.files;
  project = path.join(temp, 'user-project');
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  for (const name of ['listing-4.ts', 'already-safe.ts']) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(project, 'src', name));
  execFileSync('git', ['init', '-q'], { cwd: project });
  const install = sh('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);
  expect(install.code, install.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only what runs: bin, cli, eslint, transforms, track, README and LICENSE', () => {
    const tops = [...new Set(packed.map((file) => file.path.split('/')[0]))].sort();
    expect(tops).toEqual(['LICENSE', 'README.md', 'bin', 'cli', 'eslint', 'package.json', 'track', 'transforms']);
    expect(packed.some((file) => /fixtures|\.test\.ts$/.test(file.path))).toBe(false);
  });

  it('installed with --omit=dev, runs --help and a dry run over a folder from the user\'s project', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'forgotten-sender');
    const help = sh(bin, ['--help'], project);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: forgotten-sender/);
    const dry = sh(bin, ['--check', 'src'], project);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('--- a/src/listing-4.ts');
    expect(dry.stdout).toContain('.finally(() => clearTimeout(timerHandle))');
    expect(dry.stderr).toMatch(/files to change\s+1/);
    expect(fs.readFileSync(path.join(project, 'src', 'listing-4.ts'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'examples', 'listing-4.ts'), 'utf8'));
  });

  it('its jscodeshift entry runs from the user\'s project', () => {
    const result = sh(path.join(project, 'node_modules', '.bin', 'jscodeshift'), ['-t', 'node_modules/forgotten-sender/transforms/all.ts', '--dry', '--print', '--extensions=ts,tsx,js,jsx,mjs,cjs', 'src/'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('.finally(() => clearTimeout(timerHandle))');
  });

  it('its API answers require() and import, with types', () => {
    fs.writeFileSync(path.join(project, 'use.cjs'), "const { run } = require('forgotten-sender');\nrun({ paths: ['src'] }).then((result) => console.log(JSON.stringify({ sites: result.sites.length, changes: result.changes.map((change) => change.file), exitCode: result.exitCode })));\n");
    fs.writeFileSync(path.join(project, 'use.mjs'), "import { run } from 'forgotten-sender';\nconst result = await run({ paths: ['src/listing-4.ts'], rules: ['race-timeout'] });\nconsole.log(result.changes.length);\n");
    expect(JSON.parse(sh(process.execPath, ['use.cjs'], project).stdout)).toEqual({ sites: 2, changes: ['src/listing-4.ts'], exitCode: 1 });
    expect(sh(process.execPath, ['use.mjs'], project).stdout.trim()).toBe('1');
    fs.writeFileSync(
      path.join(project, 'use.ts'),
      "import { run, type RunResult } from 'forgotten-sender';\nexport async function leaks(): Promise<number> {\n  const result: RunResult = await run({ paths: ['src'], options: { 'prefer-signal-timeout': true } });\n  return result.sites.filter((site) => site.severity === 'error').length;\n}\n",
    );
    const tsc = sh(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'use.ts'], project);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
  });
});

