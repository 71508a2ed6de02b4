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
  /** how wide a tab is to the formatter (Prettier's tabWidth with useTabs) */
  tabWidth?: number;
  /** which file said it, for a report */
  source?: string;
  /** a formatter's config whose width this cannot tell: written as code that computes it, a shared
   * config it names, a format not read here, or `overrides` that may set it for some files */
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

// `key: value` lines of a flat YAML .prettierrc, or one flow mapping of them (`{ singleQuote: true,
// printWidth: 80 }`, which is YAML and JSON5 alike, with keys unquoted).
function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  const flow = /^\s*\{([^{}[\]]*)\}\s*$/.exec(text.replace(/^\s*#.*$/gm, ''));
  const lines = flow ? flow[1].split(/,|\r?\n/) : text.split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^['"]?([A-Za-z]+)['"]?\s*:\s*(.*)$/.exec(line);
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
  if (options.useTabs === true && typeof options.tabWidth === 'number') config.tabWidth = options.tabWidth;
  // `overrides` may give some files another width: which, this does not match
  if (Array.isArray(options.overrides) && options.overrides.length > 0) config.unread = true;
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

interface Seen {
  /** Prettier is installed by a package.json on the way up, of this major version (NaN: not told) */
  prettierMajor?: number;
}

const unreadable = (source: string): FormatterConfig => ({ source, formatter: true, unread: true });

// Prettier's config in `dir`, in Prettier's order (package.json's "prettier" key, package.yaml,
// .prettierrc, .prettierrc.json…, then configs written as code, read without running them: an object
// of literals they export), else Biome's. One this cannot read says a formatter is there, not what it sets.
function formatterIn(dir: string, seen: Seen): FormatterConfig | undefined {
  const at = (name: string) => path.join(dir, name);
  const pkg = readText(at('package.json'));
  if (pkg !== undefined) {
    const parsed = parseJsonc(pkg);
    const version = parsed?.devDependencies?.prettier ?? parsed?.dependencies?.prettier;
    if (typeof version === 'string' && seen.prettierMajor === undefined) seen.prettierMajor = Number(/^\D*(\d+)/.exec(version)?.[1] ?? NaN);
    // a string names a shared config (`"@acme/prettier-config"`)
    if (parsed && parsed.prettier !== undefined) return (typeof parsed.prettier === 'object' ? fromPrettier(parsed.prettier, at('package.json')) : undefined) ?? unreadable(at('package.json'));
  }
  const yaml = readText(at('package.yaml'));
  if (yaml !== undefined && /^prettier\s*:/m.test(yaml)) return unreadable(at('package.yaml'));
  const rc = readText(at('.prettierrc'));
  if (rc !== undefined) {
    const parsed = parseJsonc(rc) ?? parseFlatYaml(rc);
    return (parsed !== null && typeof parsed === 'object' ? fromPrettier(parsed, at('.prettierrc')) : undefined) ?? unreadable(at('.prettierrc'));
  }
  for (const name of ['.prettierrc.json', '.prettierrc.json5']) {
    const text = readText(at(name));
    if (text !== undefined) return fromPrettier(parseJsonc(text), at(name)) ?? unreadable(at(name));
  }
  for (const name of ['.prettierrc.yaml', '.prettierrc.yml']) {
    const text = readText(at(name));
    if (text !== undefined) return fromPrettier(parseFlatYaml(text), at(name)) ?? unreadable(at(name));
  }
  for (const name of ['.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts', '.prettierrc.mts', '.prettierrc.cts', 'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts', 'prettier.config.mts', 'prettier.config.cts']) {
    const text = readText(at(name));
    if (text !== undefined) return fromPrettier(exportedLiterals(text, name), at(name)) ?? unreadable(at(name));
  }
  if (readText(at('.prettierrc.toml')) !== undefined) return unreadable(at('.prettierrc.toml'));
  for (const name of ['biome.json', 'biome.jsonc']) {
    const text = readText(at(name));
    if (text !== undefined) {
      const config = fromBiome(parseJsonc(text), at(name));
      if (config) return config;
    }
  }
  return undefined;
}

// The nearest .editorconfig with a section for the file that says something of its layout.
function editorconfigFor(file: string, root: string): FormatterConfig | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const text = readText(path.join(dir, '.editorconfig'));
    const config = text !== undefined ? fromEditorconfig(text, file, path.join(dir, '.editorconfig')) : undefined;
    if (config || dir === root || path.dirname(dir) === dir) return config;
  }
}

// What the project says, found as Prettier finds it: its config nearest the file, up to the
// repository's root (a folder holding .git), a package.json that only installs Prettier not ending
// the search; with what .editorconfig says where that config does not (Prettier reads it too: the
// indentation, max_line_length for the width); Prettier installed with no config: its defaults
// (Prettier 2's trailing commas: "es5"); else Biome's config; else .editorconfig alone.
export function readFormatterConfig(file: string): FormatterConfig | undefined {
  const absolute = path.resolve(file);
  const start = path.dirname(absolute);
  if (cache.has(start)) return cache.get(start);
  const seen: Seen = {};
  let dir = start;
  let found: FormatterConfig | undefined;
  for (;;) {
    found = formatterIn(dir, seen);
    if (found || fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const editor = editorconfigFor(absolute, dir);
  const isBiome = found !== undefined && /biome\.jsonc?$/.test(found.source ?? '');
  let result: FormatterConfig | undefined;
  if (found && isBiome) result = found;
  else if (found || seen.prettierMajor !== undefined) {
    const prettier = found ?? { source: path.join(dir, 'package.json'), formatter: true };
    result = { ...editor, ...prettier, indent: prettier.indent ?? editor?.indent, printWidth: prettier.printWidth ?? (prettier.unread ? undefined : editor?.printWidth) };
    if (result.trailingCommas === undefined && seen.prettierMajor !== undefined && seen.prettierMajor < 3) {
      result.trailingCommas = true;
      result.trailingCommasInCalls = false;
    }
  } else result = editor;
  cache.set(start, result);
  return result;
}

/** for tests: forget what was read */
export function clearFormatterConfigCache(): void {
  cache.clear();
}
