// The ESLint rules against every fixture of every transform, with ESLint's own RuleTester, under
// three parsers (espree for JavaScript, @typescript-eslint/parser and @babel/eslint-parser for all):
//   <case>.input.<ext>       invalid: the engine's findings (notes left out) at the CLI's line and
//                            column with the CLI's text, and `output` the fixture's .output file
//   skip-<case>.input.<ext>  invalid with no fix (output: null), or valid when it holds only notes
//   <case>.output.<ext>      no fix (idempotence)
// The opt-ins (`<case>.options.json`) are cases of their own below: the fix is the rewrite without
// them, the opt-in rewrite is the one suggestion.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RuleTester } from 'eslint';
import type { Linter, Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { TRANSFORM_OPTIONS } from '../cli/args';
import { renderMessage } from '../transforms/engine/finding';
import type { AnyRule } from '../transforms/engine/rule';
import { SourceText } from '../transforms/engine/source';
import { runWithSuppressions } from '../transforms/engine/suppressions';
import { registry } from '../transforms/registry';
import { type FixtureCase, fixtureDisplayPath, listFixtureCases, readText } from './harness';

const nodeRequire = createRequire(__filename);
const plugin = nodeRequire('../eslint/index.cjs') as { rules: Record<string, Rule.RuleModule> };
const typescriptParser = nodeRequire('@typescript-eslint/parser') as Linter.Parser;
const babelParser = nodeRequire('@babel/eslint-parser') as Linter.Parser;

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const KNOWN = registry.map((rule) => rule.name);
const isTypeScript = (ext: string) => /^[cm]?tsx?$/.test(ext);

type ParserName = 'espree' | '@typescript-eslint/parser' | '@babel/eslint-parser';
const PARSERS: ParserName[] = ['espree', '@typescript-eslint/parser', '@babel/eslint-parser'];

function languageOptions(parser: ParserName, ext: string): Linter.LanguageOptions | undefined {
  if (parser === 'espree') return isTypeScript(ext) ? undefined : { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } };
  if (parser === '@typescript-eslint/parser') return { parser: typescriptParser, parserOptions: { ecmaFeatures: { jsx: !isTypeScript(ext) } } };
  return {
    parser: babelParser,
    parserOptions: {
      requireConfigFile: false,
      babelOptions: { babelrc: false, configFile: false, presets: isTypeScript(ext) ? [nodeRequire.resolve('@babel/preset-typescript')] : [], parserOpts: { plugins: isTypeScript(ext) ? [] : ['jsx'] } },
    },
  };
}

interface ExpectedError {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** what ESLint must say: every finding of the engine but the notes, where and as the CLI says it */
function expectedErrors(rule: AnyRule, path: string, text: string, options: Record<string, unknown> = {}): { errors: ExpectedError[]; fixed: boolean; nonFixed: Array<{ line: number; column: number; message: string }> } {
  const run = runWithSuppressions([rule], path, text, options, KNOWN);
  const source = new SourceText(text);
  const reported = run.findings.filter((finding) => finding.status !== 'safe');
  const errors = reported.map((finding) => {
    const end = source.positionAt(finding.end);
    return { message: renderMessage(finding.message), line: finding.position.line, column: finding.position.column, endLine: end.line, endColumn: end.column };
  });
  const nonFixed = reported.filter((finding) => finding.status !== 'fixed').map((finding) => ({ ...finding.position, message: renderMessage(finding.message) }));
  return { errors, fixed: run.output !== undefined, nonFixed };
}

const helpOf = (option: string) => TRANSFORM_OPTIONS.find((entry) => entry.name === option)!.help;

const optedIn = (fixture: FixtureCase) => Object.values(fixture.options).some((value) => value === true || value === 'true');

function casesOf(rule: AnyRule, parser: ParserName) {
  const valid: RuleTester.ValidTestCase[] = [];
  const invalid: RuleTester.InvalidTestCase[] = [];
  for (const fixture of listFixtureCases(rule.name)) {
    const options = languageOptions(parser, fixture.ext);
    if (!options || optedIn(fixture)) continue;
    const texts: Array<[string, string, string | undefined]> = [[fixtureDisplayPath(fixture), readText(fixture.inputPath), fixture.outputPath && readText(fixture.outputPath)]];
    if (fixture.outputPath) texts.push([`${fixture.name}.output.${fixture.ext}`, readText(fixture.outputPath), undefined]);
    for (const [name, code, output] of texts) {
      const { errors } = expectedErrors(rule, fixture.inputPath, code);
      const base = { name, code, filename: fixture.inputPath, languageOptions: options };
      if (errors.length === 0) valid.push(base);
      else invalid.push({ ...base, errors, output: output ?? null });
    }
  }
  return { valid, invalid };
}

describe.each(registry.map((rule) => [rule.name, rule] as const))('%s', (name, rule) => {
  it('each fixture\'s report lines are what ESLint says, at the same line and column (notes aside)', () => {
    for (const fixture of listFixtureCases(name)) {
      const reports = new Set(readReports(fixture).split('\n').filter(Boolean));
      const { nonFixed } = expectedErrors(rule, fixture.inputPath, readText(fixture.inputPath), fixture.options);
      for (const error of nonFixed) expect(reports, fixture.name).toContain(`${fixtureDisplayPath(fixture)}:${error.line}:${error.column}: ${error.message}`);
    }
  });

  for (const parser of PARSERS) {
    const tester = new RuleTester();
    const { valid, invalid } = casesOf(rule, parser);
    tester.run(`${name} under ${parser}`, plugin.rules[name], { valid, invalid });
  }
});

function readReports(fixture: FixtureCase): string {
  const path = fixture.inputPath.replace(/\.input\.[^.]+$/, '.reports.txt');
  return existsSync(path) ? readText(path) : '';
}

// The opt-ins: the fix stays the default rewrite, and the opt-in rewrite is the only suggestion.
describe('opt-in options', () => {
  const fixture = (rule: string, name: string) => listFixtureCases(rule).find((entry) => entry.name === name)!;
  const defaultOutput = (rule: string, path: string, text: string) => runWithSuppressions(registry.filter((entry) => entry.name === rule), path, text, {}, KNOWN).output ?? null;
  const at = (rule: string, path: string, text: string, messageId: string, options: Record<string, unknown> = {}) => {
    const run = runWithSuppressions(registry.filter((entry) => entry.name === rule), path, text, options, KNOWN);
    const finding = run.findings.find((entry) => entry.messageId === messageId)!;
    return { line: finding.position.line, column: finding.position.column, message: renderMessage(finding.message) };
  };
  const tester = new RuleTester();

  {
    // AbortSignal.timeout() taken: a fix (the timer cleared in a finally) and the opt-in suggested
    const listing = fixture('abort-timeout', 'listing-4');
    const code = readText(listing.inputPath);
    const optIn = runWithSuppressions(registry.filter((entry) => entry.name === 'abort-timeout'), listing.inputPath, code, { 'prefer-signal-timeout': true }, KNOWN).output!;
    tester.run('abort-timeout { preferSignalTimeout: true }', plugin.rules['abort-timeout'], {
      valid: [],
      invalid: [
        {
          name: 'listing-4: fixed, AbortSignal.timeout() suggested',
          code,
          filename: listing.inputPath,
          languageOptions: languageOptions('@typescript-eslint/parser', listing.ext),
          options: [{ preferSignalTimeout: true }],
          output: readText(listing.outputPath!),
          errors: [{ ...at('abort-timeout', listing.inputPath, code, 'fixed'), suggestions: [{ messageId: 'optIn', data: { option: 'preferSignalTimeout', help: helpOf('prefer-signal-timeout') }, output: optIn }] }],
        },
        (() => {
          // refused: the report says why, and the fix is the default one
          const refused = fixture('abort-timeout', 'signal-timeout-refused');
          const text = readText(refused.inputPath);
          return {
            name: 'signal-timeout-refused: fixed, and why AbortSignal.timeout() was not used',
            code: text,
            filename: refused.inputPath,
            languageOptions: languageOptions('@typescript-eslint/parser', refused.ext),
            options: [{ preferSignalTimeout: true }],
            output: readText(refused.outputPath!),
            errors: [at('abort-timeout', refused.inputPath, text, 'fixed'), at('abort-timeout', refused.inputPath, text, 'signalTimeoutRefused', { 'prefer-signal-timeout': true })],
          };
        })(),
      ],
    });
  }

  {
    const syncThrow = fixture('executor-timeout', 'clear-on-sync-throw');
    const syncThrowCode = readText(syncThrow.inputPath);
    const rejection = fixture('executor-timeout', 'settle-on-work-rejection');
    const rejectionCode = readText(rejection.inputPath);
    tester.run('executor-timeout opt-ins', plugin.rules['executor-timeout'], {
      valid: [],
      invalid: [
        {
          name: 'clear-on-sync-throw: a warning without a fix, the opt-in rewrite suggested',
          code: syncThrowCode,
          filename: syncThrow.inputPath,
          languageOptions: languageOptions('@typescript-eslint/parser', syncThrow.ext),
          options: [{ clearOnSyncThrow: true }],
          output: null,
          errors: [{ ...at('executor-timeout', syncThrow.inputPath, syncThrowCode, 'syncThrowOnly'), suggestions: [{ messageId: 'optIn', data: { option: 'clearOnSyncThrow', help: helpOf('clear-on-sync-throw') }, output: readText(syncThrow.outputPath!) }] }],
        },
        {
          name: 'settle-on-work-rejection: the default fix, and the rejection handed to reject() suggested',
          code: rejectionCode,
          filename: rejection.inputPath,
          languageOptions: languageOptions('@typescript-eslint/parser', rejection.ext),
          options: [{ settleOnWorkRejection: true }],
          output: defaultOutput('executor-timeout', rejection.inputPath, rejectionCode),
          errors: [
            at('executor-timeout', rejection.inputPath, rejectionCode, 'fixed'),
            {
              ...at('executor-timeout', rejection.inputPath, rejectionCode, 'workRejectionUnhandled'),
              suggestions: [{ messageId: 'optIn', data: { option: 'settleOnWorkRejection', help: helpOf('settle-on-work-rejection') }, output: readText(rejection.outputPath!) }],
            },
          ],
        },
        {
          name: 'without the opt-in: no suggestion',
          code: syncThrowCode,
          filename: syncThrow.inputPath,
          languageOptions: languageOptions('@typescript-eslint/parser', syncThrow.ext),
          output: null,
          errors: [at('executor-timeout', syncThrow.inputPath, syncThrowCode, 'syncThrowOnly')],
        },
      ],
    });
  }
});
