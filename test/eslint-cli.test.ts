// The plugin as a user meets it: a temporary project outside the clone, `forgotten-sender` in its
// node_modules, an eslint.config.js that imports `forgotten-sender/eslint` and spreads
// configs.recommended, and the `eslint` CLI run there. Its input is every fixture input of every
// transform and every cross-file case, copied twice: `eslint .` must report what the CLI's --json
// reports (rule id, line, column, text; no note), and `eslint --fix .` must leave each file exactly
// as the CLI's --write leaves its copy; but for a fix across files, which only the CLI makes.
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
  messageId?: string;
  fix?: unknown;
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
  messageId: string;
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

// the CLI's --json report of `dir` (a dry run): its sites but the notes, as lines of where each starts and ends, rule and text
function cliReport(dir: string): { sites: CliSite[]; lines: string[] } {
  const report = path.join(temp, 'report.json');
  const run = sh(process.execPath, [CLI_BIN, '--no-progress', `--json=${report}`, '.'], dir);
  expect([0, 1]).toContain(run.code);
  const sites = (JSON.parse(fs.readFileSync(report, 'utf8')) as { sites: CliSite[] }).sites;
  notes += sites.filter((site) => site.verdict === 'safe').length;
  const lines = sites.filter((site) => site.verdict !== 'safe').map((site) => `${site.file}:${site.line}:${site.column}-${site.end.line}:${site.end.column}  forgotten-sender/${site.transform}  ${site.reason}`);
  return { sites, lines: lines.sort() };
}

// ESLint's messages as the same lines; a parse error or an unused disable directive (no rule id) shows as `null`
function eslintReport(results: EslintFileResult[]): string[] {
  return results.flatMap((result) => result.messages.map((message) => `${relativeTo(linted, result.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn}  ${message.ruleId}  ${message.message}`)).sort();
}

// A race waiting on a sleep helper of another file: the CLI gives the helper a signal there and fixes
// the race (its second pass over both files). A rule sees one file: it reports the race, without a
// fix, saying that the CLI fixes it, and changes neither file.
const BY_THE_CLI = 'run forgotten-sender over the repository';
let crossFile: Set<string>;
const fileOf = (line: string) => line.slice(0, line.indexOf(':'));
const within = (files: Set<string>, keep: boolean) => (line: string) => files.has(fileOf(line)) === keep;

let notes = 0;

describe('eslint with configs.recommended, from a temporary project', () => {
  it('`eslint .` reports every site the CLI reports but the notes: rule id, line, column and text', () => {
    const cli = cliReport(written);
    expect(cli.lines.length).toBeGreaterThan(250);
    expect(notes).toBeGreaterThan(0);
    const results = eslint([]);
    const said = eslintReport(results);
    // the files where the two differ are the cross-file fixes, each explained below
    const differ = (a: string[], b: string[]) => new Set([...a.filter((line) => !b.includes(line)), ...b.filter((line) => !a.includes(line))].map(fileOf));
    crossFile = differ(said, cli.lines);
    expect(said.filter(within(crossFile, false))).toEqual(cli.lines.filter(within(crossFile, false)));
    // every transform has sites in the corpus
    expect(new Set(said.map((line) => line.split('  ')[1])).size).toBe(listFixtureTransforms().length);

    // a race whose helper is in another file: the CLI fixes it; ESLint says that the CLI does, with no fix
    const handedOver = results.flatMap((result) => result.messages.filter((message) => message.messageId === 'helperNotCancellable').map((message) => ({ file: relativeTo(linted, result.filePath), message })));
    expect(handedOver.length).toBeGreaterThan(0);
    for (const { file, message } of handedOver) {
      expect(message.message).toContain(BY_THE_CLI);
      expect(message.fix).toBeUndefined();
      expect(cli.sites.some((site) => site.file === file && site.verdict === 'fixed')).toBe(true);
    }
    // and the helper's file, which the CLI changes for it, ESLint leaves alone
    const helpers = cli.sites.filter((site) => site.messageId === 'fixedHelperCancellable' && crossFile.has(site.file)).map((site) => site.file);
    expect(helpers.length).toBeGreaterThan(0);
    expect([...crossFile].sort()).toEqual([...new Set([...helpers, ...handedOver.map((entry) => entry.file)])].sort());
  });

  it('`eslint --fix .` leaves every file as the CLI\'s --write leaves it, byte for byte, but the cross-file fixes', () => {
    const write = sh(process.execPath, [CLI_BIN, '--no-progress', '--write', '.'], written);
    expect([0, 1]).toContain(write.code);
    const remaining = eslintReport(eslint(['--fix']));
    const byCli = filesOf(written);
    const byEslint = filesOf(linted);
    const changed = Object.keys(sources).filter((name) => byCli[name] !== sources[name]);
    expect(changed.length).toBeGreaterThan(100);
    for (const name of Object.keys(sources)) {
      if (crossFile.has(name)) {
        expect(byCli[name], name).not.toBe(sources[name]);
        expect(byEslint[name], name).toBe(sources[name]);
      } else expect(byEslint[name], name).toBe(byCli[name]);
    }
    // what is left is what the CLI reports on the files it wrote
    expect(remaining.filter(within(crossFile, false))).toEqual(cliReport(written).lines.filter(within(crossFile, false)));
  });
});
