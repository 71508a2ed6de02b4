// The plugin's shape (meta, configs.recommended, options, docs and messages from the rules' own
// tables), one analysis per file whatever the number of rules, disable comments read alike by
// ESLint and the CLI, and fixes per site that an editor can apply one at a time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint, Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_LENGTH, TRANSFORM_OPTIONS } from '../cli/args';
import { pluginSpec } from '../cli/eslint-spec';
import { renderMessage } from '../transforms/engine/finding';
import { analysisCount, camelCase, createPlugin } from '../transforms/engine/eslint';
import { parseSource } from '../transforms/engine/parse';
import { ENGINE_MESSAGES } from '../transforms/engine/run';
import { runWithSuppressions } from '../transforms/engine/suppressions';
import { registry } from '../transforms/registry';
import { createTempDir, listFixtureCases, listFixtureTransforms, readText, removeTempDirs } from './harness';
import { cli, leak } from './support/cli';

const nodeRequire = createRequire(__filename);
const manifest = nodeRequire('../package.json') as { name: string; version: string; homepage: string };
// the package's own entry, as `require('forgotten-sender/eslint')` resolves it
const packaged = nodeRequire('forgotten-sender/eslint') as ESLint.Plugin & { configs: { recommended: Linter.Config } };
// the same plugin built from the sources, so that its counters are the ones this test reads
const plugin = createPlugin(pluginSpec()) as unknown as ESLint.Plugin & {
  configs: { recommended: Linter.Config };
};
const KNOWN = registry.map((rule) => rule.name);
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

const linter = new Linter({ configType: 'flat' });
const typescriptParser = nodeRequire('@typescript-eslint/parser') as Linter.Parser;
const config = (unusedDirectives: 'error' | 'off' = 'error'): Linter.Config[] => [
  { files: ['**/*.js'], linterOptions: { reportUnusedDisableDirectives: unusedDirectives } },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: typescriptParser }, linterOptions: { reportUnusedDisableDirectives: unusedDirectives } },
  plugin.configs.recommended,
];

afterAll(removeTempDirs);

describe('the plugin', () => {
  it('is the package export forgotten-sender/eslint, for require() and import alike', () => {
    expect(nodeRequire.resolve('forgotten-sender/eslint')).toBe(path.join(__dirname, '..', 'eslint', 'index.cjs'));
    // in Node itself (vitest has a module graph of its own): import gives the object require gives
    const script = "import plugin, { rules } from 'forgotten-sender/eslint'; import { createRequire } from 'node:module'; const required = createRequire(import.meta.url)('forgotten-sender/eslint'); console.log(plugin === required && rules === required.rules);";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('true\n');
    expect(packaged.meta).toEqual({ name: 'forgotten-sender', version: manifest.version, namespace: 'forgotten-sender' });
  });

  it('has one rule per transform, and configs.recommended is one object without files that turns them all on', () => {
    expect(Object.keys(packaged.rules!)).toEqual(KNOWN);
    const recommended = packaged.configs.recommended;
    expect(Object.keys(recommended).sort()).toEqual(['name', 'plugins', 'rules']);
    expect(recommended.plugins!['forgotten-sender']).toBe(packaged);
    expect(recommended.rules).toEqual(Object.fromEntries(KNOWN.map((name) => [`forgotten-sender/${name}`, 'error'])));
  });

  it.each(registry.map((rule) => [rule.name, rule] as const))('%s: docs.url is its README section, and its messages are its message table', (name, rule) => {
    const meta = (packaged.rules![name] as Rule.RuleModule).meta!;
    expect(meta.docs!.url).toBe(`https://github.com/forgotten-sender/forgotten-sender#${name}`);
    expect(README).toContain(`\n### ${name}\n`);
    expect(meta.fixable).toBe('code');
    for (const [id, message] of Object.entries({ ...ENGINE_MESSAGES, ...rule.messages })) expect(meta.messages![id]).toBe(renderMessage(message).replace(/\{(\w+)\}/g, '{{$1}}'));
  });

  it('takes the CLI\'s options as one object with camelCase keys, and refuses another key', () => {
    for (const option of TRANSFORM_OPTIONS) {
      const meta = (plugin.rules![option.rule] as Rule.RuleModule).meta!;
      expect(meta.hasSuggestions).toBe(true);
      expect((meta.schema as Array<{ properties: Record<string, unknown> }>)[0].properties[camelCase(option.name)]).toEqual({ type: 'boolean', description: option.help });
    }
    expect(camelCase('prefer-signal-timeout')).toBe('preferSignalTimeout');
    const wrong: Linter.Config = { plugins: { 'forgotten-sender': plugin }, rules: { 'forgotten-sender/race-timeout': ['error', { preferSignalTimeout: true }] } };
    expect(() => linter.verify(leak(), [wrong], { filename: 'a.js' })).toThrow(/preferSignalTimeout|additional properties/i);
  });
});

describe('one analysis per file', () => {
  it('all six rules share one analysis, recalled when the same text is linted again', () => {
    const before = { ...analysisCount };
    const text = `${leak('first')}${leak('second')}`;
    const messages = linter.verify(text, config(), { filename: 'shared.js' });
    expect(messages.map((message) => message.ruleId)).toEqual(['forgotten-sender/race-timeout', 'forgotten-sender/race-timeout']);
    expect(analysisCount.value - before.value).toBe(1);
    linter.verify(text, config(), { filename: 'shared.js' });
    expect(analysisCount.value - before.value).toBe(1);
  });

  it('a file the CLI skips as minified is left alone, unless settings move the limit as --max-line-length does', async () => {
    const text = `${leak()}export const table = [${'1, '.repeat(DEFAULT_MAX_LINE_LENGTH / 3 + 1)}];\n`;
    expect(linter.verify(text, config(), { filename: 'bundle.js' })).toEqual([]);
    expect(await cliWrite('bundle.js', text)).toBe(text);
    const raised: Linter.Config = { settings: { 'forgotten-sender': { maxLineLength: 2 * DEFAULT_MAX_LINE_LENGTH } } };
    expect(linter.verify(text, [...config(), raised], { filename: 'bundle.js' }).map((message) => message.ruleId)).toEqual(['forgotten-sender/race-timeout']);
  });

  it('a file without a candidate is never parsed', () => {
    const before = { ...analysisCount };
    expect(linter.verify('export const wait = (ms) => new Promise((resolve) => queueMicrotask(resolve));\n', config(), { filename: 'plain.js' })).toEqual([]);
    expect(analysisCount.parsed - before.parsed).toBe(0);
    linter.verify(leak(), config(), { filename: 'candidate.js' });
    expect(analysisCount.parsed - before.parsed).toBe(1);
  });
});

// Five races, four of them silenced, one way each; the fifth is fixed.
const withLineComment = (name: string, comment: string) => leak(name).replace(/\n$/, ` ${comment}\n`);
const SUPPRESSED = [
  '// eslint-disable-next-line forgotten-sender/race-timeout -- measured: the caller clears it',
  leak('first'),
  withLineComment('second', '// eslint-disable-line forgotten-sender/race-timeout'),
  '/* eslint-disable-next-line forgotten-sender/race-timeout */',
  leak('third'),
  '// forgotten-sender-disable-next-line race-timeout -- the caller clears it',
  leak('fourth'),
  leak('fifth'),
].join('\n');

async function cliWrite(name: string, text: string): Promise<string> {
  const dir = createTempDir('fs-eslint-suppressed-', { [name]: text });
  await cli(['--write', name], dir);
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

describe('disable comments silence a site in ESLint and in the CLI alike', () => {
  it('ESLint reports only the site no comment names, uses every ESLint comment, and --fix fixes only it', async () => {
    const messages = linter.verify(SUPPRESSED, config(), { filename: 'suppressed.js' });
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([['forgotten-sender/race-timeout', 12]]);
    const { output, messages: left } = linter.verifyAndFix(SUPPRESSED, config(), { filename: 'suppressed.js' });
    expect(left).toEqual([]);
    expect(output).toContain('// eslint-disable-next-line forgotten-sender/race-timeout -- measured');
    expect(output.match(/clearTimeout/g)).toHaveLength(1);
    expect(output).toBe(await cliWrite('suppressed.js', SUPPRESSED));
    expect(output).toBe(runWithSuppressions(registry, 'suppressed.js', SUPPRESSED, {}, KNOWN).output);
  });

  it('a file-wide comment of the codemod silences every site of the file, in both', async () => {
    const text = `/* forgotten-sender-disable */\n${leak('first')}${leak('second')}`;
    expect(linter.verify(text, config(), { filename: 'whole.js' })).toEqual([]);
    expect(linter.verifyAndFix(text, config(), { filename: 'whole.js' }).output).toBe(text);
    expect(await cliWrite('whole.js', text)).toBe(text);
  });

  // (ESLint's --fix would also delete the comment, which is unused: that is ESLint's to report)
  it('a comment naming another rule silences nothing, in both', async () => {
    const text = `// eslint-disable-next-line forgotten-sender/executor-timeout\n${leak()}`;
    const messages = linter.verify(text, config('off'), { filename: 'other.js' });
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([['forgotten-sender/race-timeout', 2]]);
    const fixed = linter.verifyAndFix(text, config('off'), { filename: 'other.js' }).output;
    expect(fixed).toContain('clearTimeout');
    expect(fixed).toBe(await cliWrite('other.js', text));
  });
});

describe('where ESLint and the engine part', () => {
  // a parser that reads anything (as a Babel syntax plugin would read what ours does not)
  const lenient: Linter.Parser = {
    parseForESLint(code: string) {
      const lines = code.split('\n');
      const loc = { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines[lines.length - 1].length } };
      return { ast: { type: 'Program', body: [], sourceType: 'module', range: [0, code.length], loc, tokens: [], comments: [] } as never };
    },
  };

  it('a file our parser cannot read is one error where it stopped, and the other files go on', () => {
    const text = `${leak()}export const broken = Promise.race([search(), setTimeout(]);\n`;
    const messages = linter.verify(text, [{ files: ['**/*.js'], languageOptions: { parser: lenient } }, plugin.configs.recommended], { filename: 'broken.js' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'forgotten-sender/race-timeout', line: 2, messageId: 'syntaxError' });
    expect(messages[0].message).toMatch(/^file not analysed — it does not parse with the grammar its extension calls for \(.+\) — fix the syntax error/);
  });

  it('an ESLint disable range hides a site from ESLint and its fix, not from the CLI', async () => {
    const text = `/* eslint-disable forgotten-sender/race-timeout */\n${leak('first')}/* eslint-enable forgotten-sender/race-timeout */\n${leak('second')}`;
    const { output, messages } = linter.verifyAndFix(text, config(), { filename: 'range.js' });
    expect(messages).toEqual([]);
    expect(output.match(/clearTimeout/g)).toHaveLength(1);
    expect(output.indexOf('clearTimeout')).toBeGreaterThan(output.indexOf('export const second'));
    expect((await cliWrite('range.js', text)).match(/clearTimeout/g)).toHaveLength(2);
  });
});

// Each fixture with more than one fixed site: the fixes do not meet, so `eslint --fix` applies them
// in one pass; each applied alone (an editor's quick fix) leaves a file that parses, and linting on
// gives the engine's output all the same.
describe('fixes per site', () => {
  const multi = listFixtureTransforms()
    .flatMap((transform) => listFixtureCases(transform))
    .filter((fixture) => Object.keys(fixture.options).length === 0)
    .map((fixture) => ({ fixture, text: readText(fixture.inputPath) }))
    .map(({ fixture, text }) => ({ fixture, text, run: runWithSuppressions(registry, fixture.inputPath, text, {}, KNOWN) }))
    .filter(({ run }) => run.findings.filter((finding) => finding.status === 'fixed').length > 1);

  it('the corpus has fixtures with several fixed sites', () => {
    expect(multi.length).toBeGreaterThanOrEqual(4);
  });

  it.each(multi.map((entry) => [`${entry.fixture.transform}/${entry.fixture.name}`, entry] as const))('%s', (_, { fixture, text, run }) => {
    const filename = fixture.inputPath;
    const fixes = linter.verify(text, config(), { filename }).flatMap((message) => (message.fix ? [message.fix] : []));
    const distinct = [...new Map(fixes.map((fix) => [`${fix.range[0]}:${fix.range[1]}:${fix.text}`, fix])).values()].sort((a, b) => a.range[0] - b.range[0]);
    for (let index = 1; index < distinct.length; index += 1) expect(distinct[index].range[0]).toBeGreaterThan(distinct[index - 1].range[1]);
    expect(linter.verifyAndFix(text, config(), { filename }).output).toBe(run.output);
    if (distinct.length < 2) return;
    for (const fix of distinct) {
      const alone = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
      expect(() => parseSource(filename, alone)).not.toThrow();
      expect(linter.verifyAndFix(alone, config(), { filename }).output).toBe(run.output);
    }
  });
});
