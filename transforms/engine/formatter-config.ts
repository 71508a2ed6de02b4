// What a project's formatter config says of the style new code should have, found by walking up
// from the file to the repository root (a folder holding .git) or the file system's root: Prettier
// (.prettierrc, .prettierrc.json/.yaml/.yml, package.json "prettier"), Biome (biome.json,
// biome.jsonc) and .editorconfig. A config this cannot read without running code (prettier.config.js)
// is not read. The file's own style comes first (./style.ts); this fills in what the file cannot say.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource } from './parse';

export interface FormatterConfig {
  indent?: string;
  semicolons?: boolean;
  quote?: "'" | '"';
  trailingCommas?: boolean;
  /** a comma after the last argument of a call broken over lines (Prettier's "all", not "es5") */
  trailingCommasInCalls?: boolean;
  printWidth?: number;
  bracketSpacing?: boolean;
  /** a formatter (Prettier, Biome) lays the files out: its width, given or its default, is the file's */
  formatter?: boolean;
  /** which file said it, for a report */
  source?: string;
  /** a formatter's config that could not be read without running it */
  unread?: boolean;
}

// `module.exports = {…}` or `export default {…}` (or a const of the file holding that object, or
// `defineConfig({…})`-style call of one): its properties whose values are plain literals
function exportedLiterals(text: string, name: string): Record<string, unknown> | undefined {
  let program: any;
  try {
    program = parseSource(name.replace(/\.[cm]?js$/, '.js'), text).program;
  } catch {
    return undefined;
  }
  const consts = new Map<string, any>();
  let exported: any;
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration') for (const declarator of statement.declarations) if (declarator.id.type === 'Identifier') consts.set(declarator.id.name, declarator.init);
    if (statement.type === 'ExportDefaultDeclaration') exported = statement.declaration;
    const expression = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (expression?.type === 'AssignmentExpression' && expression.left.type === 'MemberExpression' && expression.left.object.name === 'module' && (expression.left.property.name ?? expression.left.property.value) === 'exports') exported = expression.right;
  }
  while (exported?.type === 'TSAsExpression' || exported?.type === 'TSSatisfiesExpression') exported = exported.expression;
  if (exported?.type === 'Identifier') exported = consts.get(exported.name);
  if (exported?.type === 'CallExpression' && exported.arguments.length === 1) exported = exported.arguments[0];
  if (exported?.type !== 'ObjectExpression') return undefined;
  const options: Record<string, unknown> = {};
  for (const property of exported.properties) {
    if (property.type !== 'ObjectProperty' && property.type !== 'Property') return undefined;
    const key = property.key.name ?? property.key.value;
    const value = property.value;
    if (typeof key !== 'string') return undefined;
    if (['StringLiteral', 'NumericLiteral', 'BooleanLiteral'].includes(value.type) || (value.type === 'Literal' && typeof value.value !== 'object')) options[key] = value.value;
    // a value this cannot read (a plugin list, an override): the keys of the layout stay literals
    else if (['printWidth', 'tabWidth', 'useTabs', 'semi', 'singleQuote', 'trailingComma', 'bracketSpacing'].includes(key)) return undefined;
  }
  return options;
}

const cache = new Map<string, FormatterConfig | undefined>();

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseJsonc(text: string): any {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // strip comments and trailing commas (biome.jsonc, a commented .prettierrc)
    try {
      const stripped = text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '').replace(/,(\s*[}\]])/g, '$1');
      return JSON.parse(stripped);
    } catch {
      return undefined;
    }
  }
}

// `key: value` lines of a flat YAML .prettierrc.
function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (!match) return undefined;
    const value = match[2].replace(/^['"]|['"]$/g, '');
    result[match[1]] = value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  return result;
}

function fromPrettier(options: any, source: string): FormatterConfig | undefined {
  if (options === null || typeof options !== 'object') return undefined;
  const config: FormatterConfig = { source, formatter: true };
  if (typeof options.useTabs === 'boolean' || typeof options.tabWidth === 'number') {
    config.indent = options.useTabs === true ? '\t' : ' '.repeat(typeof options.tabWidth === 'number' ? options.tabWidth : 2);
  }
  if (typeof options.semi === 'boolean') config.semicolons = options.semi;
  if (typeof options.singleQuote === 'boolean') config.quote = options.singleQuote ? "'" : '"';
  if (typeof options.trailingComma === 'string') {
    config.trailingCommas = options.trailingComma !== 'none';
    config.trailingCommasInCalls = options.trailingComma === 'all';
  }
  if (typeof options.printWidth === 'number') config.printWidth = options.printWidth;
  if (typeof options.bracketSpacing === 'boolean') config.bracketSpacing = options.bracketSpacing;
  return config;
}

function fromBiome(options: any, source: string): FormatterConfig | undefined {
  if (options === null || typeof options !== 'object') return undefined;
  const general = options.formatter ?? {};
  const js = options.javascript?.formatter ?? {};
  const config: FormatterConfig = { source, formatter: true };
  const indentStyle = js.indentStyle ?? general.indentStyle;
  const indentWidth = js.indentWidth ?? general.indentWidth;
  if (indentStyle !== undefined || indentWidth !== undefined) config.indent = indentStyle === 'space' ? ' '.repeat(indentWidth ?? 2) : '\t';
  else config.indent = '\t';
  if (js.semicolons !== undefined) config.semicolons = js.semicolons !== 'asNeeded';
  if (js.quoteStyle !== undefined) config.quote = js.quoteStyle === 'single' ? "'" : '"';
  else config.quote = '"';
  if (js.trailingCommas !== undefined) {
    config.trailingCommas = js.trailingCommas !== 'none';
    config.trailingCommasInCalls = js.trailingCommas === 'all';
  }
  const lineWidth = js.lineWidth ?? general.lineWidth;
  config.printWidth = typeof lineWidth === 'number' ? lineWidth : 80;
  const bracketSpacing = js.bracketSpacing ?? general.bracketSpacing;
  if (typeof bracketSpacing === 'boolean') config.bracketSpacing = bracketSpacing;
  return config;
}

// The `[*]`, `[*.{js,ts}]`-style sections of an .editorconfig that match a JavaScript or TypeScript file.
function fromEditorconfig(text: string, file: string, source: string): FormatterConfig | undefined {
  const extension = path.extname(file).slice(1);
  const config: FormatterConfig = { source };
  let applies = false;
  let found = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (line === '') continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const glob = section[1];
      applies = glob === '*' || glob === '**' || glob.includes(`.${extension}`) || new RegExp(`\\{[^}]*\\b${extension}\\b[^}]*\\}`).test(glob);
      continue;
    }
    if (!applies) continue;
    const pair = /^([a-z_]+)\s*=\s*(.*)$/i.exec(line);
    if (!pair) continue;
    const [, key, value] = pair;
    if (key === 'indent_style') {
      found = true;
      config.indent = value === 'tab' ? '\t' : (config.indent && config.indent !== '\t' ? config.indent : '  ');
    } else if (key === 'indent_size' && /^\d+$/.test(value) && config.indent !== '\t') {
      found = true;
      config.indent = ' '.repeat(Number(value));
    } else if (key === 'max_line_length' && /^\d+$/.test(value)) {
      found = true;
      config.printWidth = Number(value);
    }
  }
  return found ? config : undefined;
}

function configIn(dir: string, file: string, seen: { prettier: boolean }): FormatterConfig | undefined {
  for (const name of ['.prettierrc', '.prettierrc.json', '.prettierrc.json5']) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) {
      const parsed = parseJsonc(text) ?? (name === '.prettierrc' ? parseFlatYaml(text) : undefined);
      const config = fromPrettier(parsed, path.join(dir, name));
      if (config) return config;
    }
  }
  for (const name of ['.prettierrc.yaml', '.prettierrc.yml']) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) {
      const config = fromPrettier(parseFlatYaml(text), path.join(dir, name));
      if (config) return config;
    }
  }
  // a config written as code, read without running it: an object of literals it exports
  // (`module.exports = { printWidth: 120 }`, `export default { … }`); one this cannot read says
  // that a formatter is there, not what it sets
  for (const name of ['.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', 'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', '.prettierrc.ts', 'prettier.config.ts']) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) return fromPrettier(exportedLiterals(text, name), path.join(dir, name)) ?? { source: path.join(dir, name), formatter: true, unread: true };
  }
  const pkg = readText(path.join(dir, 'package.json'));
  // Prettier installed here with no config of its own: its defaults, with what .editorconfig
  // says, unless a config further up says more
  if (pkg !== undefined) {
    const parsed = parseJsonc(pkg);
    if (parsed && typeof parsed.prettier === 'object') {
      const config = fromPrettier(parsed.prettier, path.join(dir, 'package.json'));
      if (config) return config;
    }
    if (typeof parsed?.devDependencies?.prettier === 'string' || typeof parsed?.dependencies?.prettier === 'string') seen.prettier = true;
  }
  for (const name of ['biome.json', 'biome.jsonc']) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) {
      const config = fromBiome(parseJsonc(text), path.join(dir, name));
      if (config) return config;
    }
  }
  const editorconfig = readText(path.join(dir, '.editorconfig'));
  const fromEditor = editorconfig !== undefined ? fromEditorconfig(editorconfig, file, path.join(dir, '.editorconfig')) : undefined;
  return fromEditor && seen.prettier ? { ...fromEditor, formatter: true } : fromEditor;
}

export function readFormatterConfig(file: string): FormatterConfig | undefined {
  const absolute = path.resolve(file);
  let dir = path.dirname(absolute);
  const visited: string[] = [];
  const seen = { prettier: false };
  let found: FormatterConfig | undefined;
  // (what a folder gives depends on whether Prettier was seen installed below it: both are kept)
  const key = (folder: string) => `${seen.prettier ? 'p' : '-'}\u0000${folder}`;
  for (;;) {
    if (cache.has(key(dir))) {
      found = cache.get(key(dir));
      break;
    }
    visited.push(key(dir));
    found = configIn(dir, absolute, seen);
    if (found || fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Prettier installed, and no config up to the repository's root: its defaults
  if (!found && seen.prettier) found = { source: path.join(dir, 'package.json'), formatter: true };
  for (const each of visited) cache.set(each, found);
  return found;
}

/** for tests: forget what was read */
export function clearFormatterConfigCache(): void {
  cache.clear();
}
