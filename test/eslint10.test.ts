// The plugin under ESLint 10 (installed beside ESLint 9 as the alias `eslint10`): over every fixture
// input, the same messages at the same positions, and the same fixed text, as under ESLint 9.
import { createRequire } from 'node:module';
import type { Linter as LinterType } from 'eslint';
import { Linter as Linter9 } from 'eslint';
import { describe, expect, it } from 'vitest';
import { pluginSpec } from '../cli/eslint-spec';
import { createPlugin } from '../transforms/engine/eslint';
import { listFixtureCases, listFixtureTransforms, readText } from './harness';

const nodeRequire = createRequire(__filename);
const { Linter: Linter10 } = nodeRequire('eslint10') as { Linter: typeof Linter9 };
const version10 = (nodeRequire('eslint10/package.json') as { version: string }).version;
const typescriptParser = nodeRequire('@typescript-eslint/parser') as LinterType.Parser;
const plugin = createPlugin(pluginSpec()) as unknown as { configs: { recommended: LinterType.Config } };

// (a `files` of `**/*` alone matches no file in flat config: the extensions are named)
const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const config = (path: string): LinterType.Config[] => [
  { files: FILES, languageOptions: { parser: typescriptParser, parserOptions: { ecmaFeatures: { jsx: !/\.[cm]?ts$/.test(path) } } } },
  { ...plugin.configs.recommended, files: FILES },
];

const cases = listFixtureTransforms().flatMap((transform) => listFixtureCases(transform)).map((fixture) => [`${fixture.transform}/${fixture.name}`, fixture] as const);

describe(`ESLint ${version10} against ESLint 9`, () => {
  it('is ESLint 10, and reports and fixes there', () => {
    expect(version10.split('.')[0]).toBe('10');
    const fixture = cases.map(([, candidate]) => candidate).find((candidate) => candidate.transform === 'race-timeout' && candidate.outputPath !== undefined)!;
    const text = readText(fixture.inputPath);
    const linter = new Linter10({ configType: 'flat' });
    expect(linter.verify(text, config(fixture.inputPath), { filename: fixture.inputPath }).length).toBeGreaterThan(0);
    expect(linter.verifyAndFix(text, config(fixture.inputPath), { filename: fixture.inputPath }).output).toBe(readText(fixture.outputPath!));
  });

  it.each(cases)('%s: the same messages and the same fixed text', (_name, fixture) => {
    const text = readText(fixture.inputPath);
    const filename = fixture.inputPath;
    const run = (LinterClass: typeof Linter9) => {
      const linter = new LinterClass({ configType: 'flat' });
      const found = linter.verify(text, config(filename), { filename });
      expect(found.filter((message) => message.ruleId === null)).toEqual([]);
      const messages = found.map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn, message.message]);
      const fixed = new LinterClass({ configType: 'flat' }).verifyAndFix(text, config(filename), { filename }).output;
      return { messages, fixed };
    };
    expect(run(Linter10)).toEqual(run(Linter9));
  });
});
