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

  it('where the config cannot be read without running it, or there is no formatter, is broken only past the longest line of code the file has', () => {
    // the file's own 95-column line says its width
    const wide = `${RACE}export const message = 'a line of code that is longer than the one the fix writes, and so says the width';\n`;
    expect(fixed(repository({ 'prettier.config.js': "module.exports = require('./shared-prettier');\n" }), 'a.js', wide)).toContain(ONE_LINE);
    expect(fixed(repository({}), 'a.js', wide)).toContain(ONE_LINE);
    // its lines are all shorter than the new one: broken at 80
    expect(fixed(repository({}), 'a.js', RACE)).toContain(BROKEN);
  });

  it('is broken at 80 where Prettier is installed with no config of its own, beside an .editorconfig', () => {
    const wide = `${RACE}export const message = 'a line of code that is longer than the one the fix writes, and so says the width';\n`;
    const root = repository({ 'package.json': '{ "devDependencies": { "prettier": "3.9.5" } }\n', '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n' });
    expect(fixed(root, 'a.js', wide)).toContain(BROKEN);
  });
});

describe('the formatter config', () => {
  it('is found past a package.json that only installs Prettier, as Prettier finds it', () => {
    const root = repository({ '.prettierrc': '{ "printWidth": 100 }\n', 'packages/x/package.json': '{ "devDependencies": { "prettier": "3.9.5" } }\n', 'packages/x/a.js': '' });
    expect(readFormatterConfig(path.join(root, 'packages/x/a.js'))).toMatchObject({ printWidth: 100, formatter: true });
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
    const style = { indent: '  ', semicolons: true, quote: "'" as const, trailingCommas: true, trailingCommasInCalls: true, printWidth: 80, printWidthKnown: true, bracketSpacing: true, cuddledKeywords: true };
    const line = "timerHandle = setTimeout(() => reject(new Error('the search timed out after a while')), ms);";
    const source = `function f() {\n  /*\n  ${line}\n  */\n}\n`;
    const moved = `function f() {\n  try {\n    /*\n    ${line}\n    */\n  } finally {}\n}\n`;
    expect(fitNewLines('a.js', source, moved, style)).toBe(moved);
    const statement = `function f() {\n  try {\n    ${line}\n  } finally {}\n}\n`;
    expect(fitNewLines('a.js', source.replace(/\/\*[\s\S]*\*\//, ''), statement, style)).toContain("    timerHandle = setTimeout(\n      () => reject(new Error('the search timed out after a while')),\n      ms,\n    );");
  });
});
