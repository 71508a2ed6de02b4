// The plugin as a user meets it: a temporary project outside the clone, `forgotten-sender` in its
// node_modules, an eslint.config.js that imports `forgotten-sender/eslint` and spreads
// configs.recommended, and the `eslint` CLI run there. Its input is every fixture input of every
// transform and every cross-file case, copied twice: `eslint .` must report what the CLI's --json
// reports (rule id, line, column, text; no note), and `eslint --fix .` must leave each file exactly
// as the CLI's --write leaves its copy.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtureCases, listFixtureTransforms } from './harness';
import { sh } from './support/npm';

const CLONE = path.resolve(__dirname, '..');
const ESLINT_BIN = path.join(CLONE, 'node_modules', 'eslint', 'bin', 'eslint.js');
const CLI_BIN = path.join(CLONE, 'bin', 'forgotten-sender.cjs');

const CONFIG = `import forgottenSender from 'forgotten-sender/eslint';
import typescriptParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: typescriptParser } },
  { files: ['**/*.js', '**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  forgottenSender.configs.recommended,
];
`;

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
}

interface CliSite {
  file: string;
  line: number;
  column: number;
  transform: string;
  status: string;
  verdict: string;
  reason: string;
  end: { line: number; column: number };
}

let temp: string;
let linted: string;
let written: string;
let sources: Record<string, string>;

function inputs(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const transform of listFixtureTransforms()) {
    for (const fixture of listFixtureCases(transform)) files[`src/${transform}/${path.basename(fixture.inputPath)}`] = fs.readFileSync(fixture.inputPath, 'utf8');
  }
  const crossFile = path.join(CLONE, 'test', 'cross-file');
  for (const name of fs.readdirSync(crossFile)) {
    const input = path.join(crossFile, name, 'input');
    if (!fs.existsSync(input)) continue;
    for (const relative of fs.readdirSync(input, { recursive: true }) as string[]) {
      const file = path.join(input, relative);
      if (fs.statSync(file).isFile()) files[`cross-file/${name}/${relative.split(path.sep).join('/')}`] = fs.readFileSync(file, 'utf8');
    }
  }
  return files;
}

function project(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of Object.keys(sources)) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

function eslint(args: string[]): EslintFileResult[] {
  const run = sh(process.execPath, [ESLINT_BIN, '--format', 'json', ...args, '.'], linted);
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as EslintFileResult[];
}

const relativeTo = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-eslint-project-'));
  linted = path.join(temp, 'linted');
  written = path.join(temp, 'written');
  sources = inputs();
  for (const dir of [linted, written]) project(dir, sources);
  project(linted, { 'package.json': '{ "name": "user-project", "private": true, "type": "module" }\n', 'eslint.config.js': CONFIG });
  // the package as installed from the repository (a link to this clone), and the parser the config names
  const modules = path.join(linted, 'node_modules');
  fs.mkdirSync(path.join(modules, '@typescript-eslint'), { recursive: true });
  fs.symlinkSync(CLONE, path.join(modules, 'forgotten-sender'), 'dir');
  fs.symlinkSync(path.join(CLONE, 'node_modules', '@typescript-eslint', 'parser'), path.join(modules, '@typescript-eslint', 'parser'), 'dir');
});

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

// the CLI's --json report of `dir` (a dry run), one line per site but the notes: where it starts and ends, rule, text
function cliReport(dir: string): string[] {
  const report = path.join(temp, 'report.json');
  const run = sh(process.execPath, [CLI_BIN, '--no-progress', `--json=${report}`, '.'], dir);
  expect([0, 1]).toContain(run.code);
  const sites = (JSON.parse(fs.readFileSync(report, 'utf8')) as { sites: CliSite[] }).sites;
  notes += sites.filter((site) => site.verdict === 'safe').length;
  return sites.filter((site) => site.verdict !== 'safe').map((site) => `${site.file}:${site.line}:${site.column}-${site.end.line}:${site.end.column}  forgotten-sender/${site.transform}  ${site.reason}`).sort();
}

// ESLint's messages as the same lines; a parse error or an unused disable directive (no rule id) shows as `null`
function eslintReport(results: EslintFileResult[]): string[] {
  return results.flatMap((result) => result.messages.map((message) => `${relativeTo(linted, result.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn}  ${message.ruleId}  ${message.message}`)).sort();
}

let notes = 0;

describe('eslint with configs.recommended, from a temporary project', () => {
  it('`eslint .` reports every site the CLI reports but the notes: rule id, line, column and text', () => {
    const expected = cliReport(written);
    expect(expected.length).toBeGreaterThan(250);
    expect(notes).toBeGreaterThan(0);
    const said = eslintReport(eslint([]));
    expect(said).toEqual(expected);
    // every transform has sites in the corpus
    expect(new Set(said.map((line) => line.split('  ')[1])).size).toBe(listFixtureTransforms().length);
  });

  it('`eslint --fix .` leaves every file as the CLI\'s --write leaves it, byte for byte', () => {
    const write = sh(process.execPath, [CLI_BIN, '--no-progress', '--write', '.'], written);
    expect([0, 1]).toContain(write.code);
    const remaining = eslintReport(eslint(['--fix']));
    const byCli = filesOf(written);
    const byEslint = filesOf(linted);
    const changed = Object.keys(sources).filter((name) => byCli[name] !== sources[name]);
    expect(changed.length).toBeGreaterThan(100);
    for (const name of Object.keys(sources)) expect(byEslint[name], name).toBe(byCli[name]);
    // what is left is what the CLI reports on the files it wrote
    expect(remaining).toEqual(cliReport(written));
  });
});
