// The repository's settings: `forgotten-sender.config.json` at the repository root, or the
// "forgotten-sender" key of its package.json, or the file `--config` names.
//   {
//     "include": ["src/**"],                       gitignore-style globs from the repository root
//     "ignore": ["**/*.test.ts", "src/vendor/"],
//     "rules": {
//       "buffered-slot": "off",                    "on" / "off" / true / false
//       "abort-timeout": { "prefer-signal-timeout": true }   on, with options of that rule
//     }
//   }
// Every key is checked: an unknown one is an error that names its file and line. Beside it, a
// `.forgotten-senderignore` at the root holds more globs to leave out, one a line, as .gitignore does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRANSFORM_OPTIONS } from './args';
import { JsonError, parseJsonWithLines } from './json-lines';

export const CONFIG_FILE = 'forgotten-sender.config.json';
export const PACKAGE_KEY = 'forgotten-sender';
/** gitignore-style lines at the repository root, like .prettierignore: files the run leaves out */
export const IGNORE_FILE = '.forgotten-senderignore';

export class ConfigError extends Error {}

export interface Config {
  /** where it was read from; undefined: no config */
  file?: string;
  include: string[];
  ignore: string[];
  /** rules turned off */
  off: string[];
  /** rule options, as `--name=value` gives them */
  options: Record<string, unknown>;
  /** the lines of .forgotten-senderignore at the repository root (whichever config is read) */
  ignoreFile: string[];
}

const EMPTY: Config = { include: [], ignore: [], off: [], options: {}, ignoreFile: [] };

/**
 * The repository a run is about: the git work tree holding `cwd`; outside git, the nearest
 * directory up from `cwd` with a config file or a package.json; else `cwd`. A real path.
 */
export function repositoryRoot(cwd: string): string {
  const real = fs.realpathSync(cwd);
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: real, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (top !== '') return fs.realpathSync(top);
  } catch {
    // not in a git work tree
  }
  for (let dir = real; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE)) || fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return real;
  }
}

const TOP_KEYS = ['$schema', 'include', 'ignore', 'rules'];

export function loadConfig(root: string, cwd: string, explicit: string | undefined, ruleNames: readonly string[]): Config {
  return { ...loadConfigFile(root, cwd, explicit, ruleNames), ignoreFile: readIgnoreFile(root) };
}

function loadConfigFile(root: string, cwd: string, explicit: string | undefined, ruleNames: readonly string[]): Config {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new ConfigError(`--config ${explicit}: no such file`);
    if (path.basename(file) === 'package.json') return fromPackageJson(file, ruleNames) ?? { ...EMPTY, file };
    return fromText(file, read(file), '', ruleNames);
  }
  const own = path.join(root, CONFIG_FILE);
  if (fs.existsSync(own)) return fromText(own, read(own), '', ruleNames);
  const packageJson = path.join(root, 'package.json');
  if (fs.existsSync(packageJson)) return fromPackageJson(packageJson, ruleNames) ?? EMPTY;
  return EMPTY;
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as Error).message})`);
  }
}

function fromPackageJson(file: string, ruleNames: readonly string[]): Config | undefined {
  const text = read(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // a package.json that npm itself cannot read is npm's to report; it holds no config of ours
    return undefined;
  }
  if (value === null || typeof value !== 'object' || !(PACKAGE_KEY in value)) return undefined;
  return fromText(file, text, `/${PACKAGE_KEY}`, ruleNames);
}

function fromText(file: string, text: string, base: string, ruleNames: readonly string[]): Config {
  let parsed;
  try {
    parsed = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonError) throw new ConfigError(`${file}:${error.line}:${error.column}: not valid JSON: ${error.message}`);
    throw error;
  }
  const lineOf = (pointer: string) => parsed.keyLines.get(`${base}${pointer}`) ?? 1;
  const fail = (pointer: string, message: string): never => {
    throw new ConfigError(`${file}:${lineOf(pointer)}: ${message}`);
  };
  let root: unknown = parsed.value;
  if (base !== '') root = (root as Record<string, unknown>)[PACKAGE_KEY];
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return fail('', `the config must be an object`);
  const config: Config = { file, include: [], ignore: [], off: [], options: {}, ignoreFile: [] };
  for (const [key, value] of Object.entries(root)) {
    if (!TOP_KEYS.includes(key)) fail(`/${key}`, `unknown key "${key}" (known: ${TOP_KEYS.join(', ')})`);
    if (key === 'include' || key === 'ignore') {
      if (!Array.isArray(value) || value.some((glob) => typeof glob !== 'string')) fail(`/${key}`, `"${key}" is a list of globs, e.g. ["src/**"]`);
      config[key] = value as string[];
    }
    if (key === 'rules') readRules(value, config, ruleNames, fail);
  }
  return config;
}

function readRules(value: unknown, config: Config, ruleNames: readonly string[], fail: (pointer: string, message: string) => never): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('/rules', '"rules" maps rule ids to "on", "off" or an object of their options');
  for (const [rule, setting] of Object.entries(value as Record<string, unknown>)) {
    const pointer = `/rules/${rule}`;
    if (!ruleNames.includes(rule)) fail(pointer, `unknown rule "${rule}" (known: ${ruleNames.join(', ')})`);
    if (setting === 'off' || setting === false) {
      config.off.push(rule);
      continue;
    }
    if (setting === 'on' || setting === true) continue;
    if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) fail(pointer, `"${rule}" is "on", "off" or an object of its options`);
    const own = TRANSFORM_OPTIONS.filter((option) => option.rule === rule).map((option) => option.name);
    for (const [option, optionValue] of Object.entries(setting as Record<string, unknown>)) {
      if (!own.includes(option)) fail(`${pointer}/${option}`, `unknown option "${option}" of ${rule} (${own.length > 0 ? `known: ${own.join(', ')}` : 'it has none'})`);
      if (typeof optionValue !== 'boolean') fail(`${pointer}/${option}`, `"${option}" is true or false`);
      config.options[option] = optionValue;
    }
  }
}

/** the lines of the repository's ignore file, or none when there is no such file */
function readIgnoreFile(root: string): string[] {
  const file = path.join(root, IGNORE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw new ConfigError(`${file}: cannot be read (${(error as Error).message})`);
  }
  return text.split(/\r?\n/);
}
