// What a project's formatter config says of the style new code should have, found by walking up
// from the file to the repository root (a folder holding .git) or the file system's root: Prettier
// (.prettierrc, .prettierrc.json/.yaml/.yml, package.json "prettier"), Biome (biome.json,
// biome.jsonc) and .editorconfig. A config this cannot read without running code (prettier.config.js)
// is not read. The file's own style comes first (./style.ts); this fills in what the file cannot say.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FormatterConfig {
  indent?: string;
  semicolons?: boolean;
  quote?: "'" | '"';
  trailingCommas?: boolean;
  /** a comma after the last argument of a call broken over lines (Prettier's "all", not "es5") */
  trailingCommasInCalls?: boolean;
  printWidth?: number;
  bracketSpacing?: boolean;
  /** which file said it, for a report */
  source?: string;
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
  const config: FormatterConfig = { source };
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
  const config: FormatterConfig = { source };
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

function configIn(dir: string, file: string): FormatterConfig | undefined {
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
  const pkg = readText(path.join(dir, 'package.json'));
  if (pkg !== undefined) {
    const parsed = parseJsonc(pkg);
    if (parsed && typeof parsed.prettier === 'object') {
      const config = fromPrettier(parsed.prettier, path.join(dir, 'package.json'));
      if (config) return config;
    }
  }
  for (const name of ['biome.json', 'biome.jsonc']) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) {
      const config = fromBiome(parseJsonc(text), path.join(dir, name));
      if (config) return config;
    }
  }
  const editorconfig = readText(path.join(dir, '.editorconfig'));
  if (editorconfig !== undefined) return fromEditorconfig(editorconfig, file, path.join(dir, '.editorconfig'));
  return undefined;
}

export function readFormatterConfig(file: string): FormatterConfig | undefined {
  const absolute = path.resolve(file);
  let dir = path.dirname(absolute);
  const visited: string[] = [];
  let found: FormatterConfig | undefined;
  for (;;) {
    if (cache.has(dir)) {
      found = cache.get(dir);
      break;
    }
    visited.push(dir);
    found = configIn(dir, absolute);
    if (found || fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const seen of visited) cache.set(seen, found);
  return found;
}

/** for tests: forget what was read */
export function clearFormatterConfigCache(): void {
  cache.clear();
}
