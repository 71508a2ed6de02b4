// A line the fix makes too long for the file is broken as Prettier breaks it, at the width the
// project's formatter config gives (read without running a config written as code), and where no
// formatter is there, only past the file's own longest line of code. And the formatter config is
// found as Prettier finds it: a package.json that only installs Prettier does not stop the search.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearFormatterConfigCache, readFormatterConfig } from '../transforms/engine/formatter-config';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  clearFormatterConfigCache();
});

function repository(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-width-'));
  made.push(root);
  fs.mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

// as Prettier lays it out; `timerHandle = setTimeout(…);` is 85 columns there once the handle is kept
const RACE = [
  'export function withTimeout(work, ms) {',
  '  return Promise.race([',
  '    work,',
  '    new Promise((_, reject) =>',
  "      setTimeout(() => reject(new Error('the search timed out')), ms)",
  '    ),',
  '  ]);',
  '}',
  '',
].join('\n');

function fixed(root: string, name: string, source: string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, source);
  const result = runRules(registry, file, source);
  expect(result.findings.filter((finding) => finding.status === 'fixed').length).toBeGreaterThan(0);
  return result.output!;
}

const BROKEN = "      timerHandle = setTimeout(\n        () => reject(new Error('the search timed out')),\n        ms";
const ONE_LINE = "      timerHandle = setTimeout(() => reject(new Error('the search timed out')), ms);";

describe('a line the fix makes too long', () => {
  it("is broken at Prettier's default width where a .prettierrc is there, with the config's trailing commas", () => {
    expect(fixed(repository({ '.prettierrc': '{}\n' }), 'a.js', RACE)).toContain(`${BROKEN},\n      );`);
    expect(fixed(repository({ '.prettierrc': '{ "trailingComma": "es5" }\n' }), 'a.js', RACE)).toContain(`${BROKEN}\n      );`);
  });

  it('is left on one line under a config written as code that sets a wider printWidth, read without running it', () => {
    expect(fixed(repository({ 'prettier.config.js': 'module.exports = {\n  printWidth: 120,\n  semi: true,\n};\n' }), 'a.js', RACE)).toContain(ONE_LINE);
    expect(fixed(repository({ '.prettierrc.mjs': "import { defineConfig } from 'x';\nexport default defineConfig({ printWidth: 100 });\n" }), 'a.js', RACE)).toContain(ONE_LINE);
  });

  it('with no formatter, is broken only past the longest line of code the file has', () => {
    // the file's own 95-column line says its width
    const wide = `${RACE}export const message = 'a line of code that is longer than the one the fix writes, and so says the width';\n`;
    expect(fixed(repository({}), 'a.js', wide)).toContain(ONE_LINE);
    // its lines are all shorter than the new one: broken at 80
    expect(fixed(repository({}), 'a.js', RACE)).toContain(BROKEN);
  });

  it('is left as it is under a formatter whose width this cannot tell: computed, shared, in overrides, in a format not read', () => {
    const projects: Array<Record<string, string>> = [
      { 'prettier.config.js': "module.exports = require('./shared-prettier');\n" },
      { 'package.json': '{ "prettier": "@acme/prettier-config", "devDependencies": { "prettier": "3.9.5" } }\n' },
      { '.prettierrc': '"@acme/prettier-config"\n' },
      { '.prettierrc': '{ "singleQuote": true, "overrides": [{ "files": "*.js", "options": { "printWidth": 120 } }] }\n' },
      { '.prettierrc.toml': 'printWidth = 120\n' },
    ];
    for (const files of projects) {
      expect(fixed(repository(files), 'a.js', RACE)).toContain(ONE_LINE);
    }
  });

  it("takes .editorconfig's max_line_length where the Prettier config gives no width, as Prettier does", () => {
    expect(fixed(repository({ '.prettierrc': '{ "singleQuote": true }\n', '.editorconfig': 'root = true\n\n[*]\nmax_line_length = 120\n' }), 'a.js', RACE)).toContain(ONE_LINE);
  });

  it("counts a tab as the config's tabWidth wide", () => {
    const tabbed = RACE.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    // the new line is 78 columns after three tabs: 81 of 82 with tabs of 1, 90 with tabs of 4
    expect(fixed(repository({ '.prettierrc': '{ "useTabs": true, "tabWidth": 1, "printWidth": 82 }\n' }), 'a.js', tabbed)).toContain("\t\t\ttimerHandle = setTimeout(() => reject(new Error('the search timed out')), ms);");
    expect(fixed(repository({ '.prettierrc': '{ "useTabs": true, "tabWidth": 4, "printWidth": 82 }\n' }), 'a.js', tabbed)).toContain('\t\t\ttimerHandle = setTimeout(\n');
  });

  it('is broken at 80 where Prettier is installed with no config of its own, beside an .editorconfig', () => {
    const wide = `${RACE}export const message = 'a line of code that is longer than the one the fix writes, and so says the width';\n`;
    const root = repository({ 'package.json': '{ "devDependencies": { "prettier": "3.9.5" } }\n', '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n' });
    expect(fixed(root, 'a.js', wide)).toContain(BROKEN);
  });
});

describe('the formatter config', () => {
  it('is found past a package.json that only installs Prettier, and past an .editorconfig, as Prettier finds it', () => {
    const root = repository({ '.prettierrc': '{ "printWidth": 100 }\n', 'packages/x/package.json': '{ "devDependencies": { "prettier": "3.9.5" } }\n', 'packages/x/.editorconfig': '[*]\nindent_style = space\nindent_size = 4\n', 'packages/x/a.js': '' });
    expect(readFormatterConfig(path.join(root, 'packages/x/a.js'))).toMatchObject({ printWidth: 100, formatter: true, indent: '    ' });
  });

  it('is read from a .prettierrc written as one flow mapping with unquoted keys (YAML and JSON5 alike)', () => {
    const root = repository({ '.prettierrc': '{\n  singleQuote: true,\n  printWidth: 100,\n  trailingComma: none\n}\n', 'a.js': '' });
    expect(readFormatterConfig(path.join(root, 'a.js'))).toMatchObject({ printWidth: 100, quote: "'", trailingCommas: false, formatter: true });
  });

  it('is package.json\'s "prettier" before a .prettierrc beside it, as Prettier reads them', () => {
    const root = repository({ 'package.json': '{ "prettier": { "printWidth": 120 } }\n', '.prettierrc': '{ "printWidth": 80 }\n', 'a.js': '' });
    expect(readFormatterConfig(path.join(root, 'a.js'))).toMatchObject({ printWidth: 120 });
  });

  it("gives Prettier 2's default trailing commas (es5) where Prettier 2 is installed with no config", () => {
    const root = repository({ 'package.json': '{ "devDependencies": { "prettier": "^2.8.8" } }\n', 'a.js': '' });
    expect(readFormatterConfig(path.join(root, 'a.js'))).toMatchObject({ formatter: true, trailingCommas: true, trailingCommasInCalls: false });
  });

  it('written as code, gives its literal options; one that computes them says only that a formatter is there', () => {
    const root = repository({ '.prettierrc.cjs': "const config = { printWidth: 120, singleQuote: false, trailingComma: 'es5', plugins: [require('p')] };\nmodule.exports = config;\n", 'a.js': '' });
    expect(readFormatterConfig(path.join(root, 'a.js'))).toMatchObject({ printWidth: 120, quote: '"', trailingCommas: true, trailingCommasInCalls: false, formatter: true });
    const computed = repository({ 'prettier.config.js': 'module.exports = { ...base, printWidth: width };\n', 'a.js': '' });
    expect(readFormatterConfig(path.join(computed, 'a.js'))).toMatchObject({ formatter: true, unread: true });
    expect(readFormatterConfig(path.join(computed, 'a.js'))?.printWidth).toBeUndefined();
  });
});

describe('the lines it breaks', () => {
  it('are whole statements of the output: a line of a block comment the fix moved in is left as it is', async () => {
    const { fitNewLines } = await import('../transforms/edit/layout');
    const style = { indent: '  ', semicolons: true, quote: "'" as const, trailingCommas: true, trailingCommasInCalls: true, printWidth: 80, widthFrom: 'config' as const, bracketSpacing: true, cuddledKeywords: true };
    const line = "timerHandle = setTimeout(() => reject(new Error('the search timed out after a while')), ms);";
    const source = `function f() {\n  /*\n  ${line}\n  */\n}\n`;
    const moved = `function f() {\n  try {\n    /*\n    ${line}\n    */\n  } finally {}\n}\n`;
    expect(fitNewLines('a.js', source, moved, style)).toBe(moved);
    const statement = `function f() {\n  try {\n    ${line}\n  } finally {}\n}\n`;
    expect(fitNewLines('a.js', source.replace(/\/\*[\s\S]*\*\//, ''), statement, style)).toContain("    timerHandle = setTimeout(\n      () => reject(new Error('the search timed out after a while')),\n      ms,\n    );");
  });
});
