// The rules of `forgotten-sender/eslint`: one ESLint rule per rule of the registry, under the same
// id. They run no analysis of their own. Every rule of ours that the user's config turns on for a
// file registers in create(); ESLint calls every rule's create() before it walks the tree, so at
// `Program` the set is complete, and the first rule there runs runWithSuppressions once, with
// exactly those rules, on `sourceCode.text`, parsed by our parser from the file's extension (the
// tree ESLint built with the user's parser is not read). Each rule then reports its own findings.
//
// Fixes: one per group of sites whose edits touch, made of the engine's own edits (siteFixes). The
// groups never meet, so ESLint applies them all in one pass, and the file is then byte for byte the
// engine's output: what the CLI's --write writes. When that output is more than the source with its
// first pass's edits (a fix that waited for a second pass, an import the fixes left unused), every
// fixed finding carries one edit instead, the smallest region between the source and the output.
//
// The CLI's options are opt-in rewrites that change what the code does: the fix is always the
// rewrite without them, and a rule whose options turn one on offers that run's text as a `suggest`.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MODULE_INDEX, ModuleIndex } from '../model/modules';
import { registry } from '../registry';
import { type LocatedFinding, type Message, type MessageTable, renderMessage } from './finding';
import type { AnyRule } from './rule';
import { applyEdits } from './edits';
import { ENGINE_MESSAGES, type RunResult, runRules } from './run';
import { SourceText } from './source';
import { type SuppressedRun, parseDirective, runWithSuppressions } from './suppressions';

/* ---------------------------------------------------------------------------------------------
 * The little of ESLint's rule API these rules use (ESLint itself is an optional peer dependency).
 * ------------------------------------------------------------------------------------------- */

interface EslintComment {
  type: string;
  value: string;
  range?: [number, number];
}

interface EslintSourceCode {
  text: string;
  getAllComments?(): EslintComment[];
}

export interface EslintContext {
  id: string;
  options: readonly unknown[];
  filename?: string;
  cwd?: string;
  sourceCode?: EslintSourceCode;
  settings?: Record<string, unknown>;
  getFilename?(): string;
  getCwd?(): string;
  getSourceCode?(): EslintSourceCode;
  report(problem: EslintProblem): void;
}

interface EslintLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

interface EslintFix {
  range: [number, number];
  text: string;
}

export interface EslintProblem {
  loc: EslintLocation;
  messageId: string;
  data: Record<string, string>;
  fix?: () => EslintFix;
  suggest?: Array<{ messageId: string; data: Record<string, string>; fix: () => EslintFix }>;
}

export interface EslintRule {
  meta: {
    type: 'problem';
    docs: { description: string; recommended: boolean; url: string };
    fixable: 'code';
    hasSuggestions: boolean;
    schema: unknown[];
    defaultOptions: unknown[];
    messages: Record<string, string>;
  };
  create(context: EslintContext): Record<string, () => void>;
}

export interface EslintPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, EslintRule>;
  configs: { recommended: { name: string; plugins: Record<string, EslintPlugin>; rules: Record<string, 'error'> } };
}

/** an option of the CLI (cli/args.ts TRANSFORM_OPTIONS): kebab-case, boolean, off by default */
export interface OptionSpec {
  name: string;
  rule: string;
  help: string;
}

export interface PluginSpec {
  name: string;
  version: string;
  /** package.json's homepage: the README the rules' docs.url point into */
  homepage?: string;
  /** every option is an opt-in rewrite: offered as a suggestion, never applied by --fix */
  options: readonly OptionSpec[];
  /** the extensions our parser reads (cli/files.ts SOURCE_EXTENSIONS); other files are left alone */
  extensions: readonly string[];
  /** the CLI's defaults of --max-file-size and --max-line-length: a larger or minified file is left alone */
  limits?: Limits;
}

export interface Limits {
  maxFileSize: number;
  maxLineLength: number;
}

export const NAMESPACE = 'forgotten-sender';
const DEFAULT_REPOSITORY = 'https://github.com/forgotten-sender/forgotten-sender';

/** messages of the plugin itself, beside the engine's and the rule's */
export const PLUGIN_MESSAGES = {
  syntaxError: {
    what: 'file not analysed',
    why: 'it does not parse with the grammar its extension calls for ({error})',
    fix: 'fix the syntax error, or turn the forgotten-sender rules off for this file',
  },
  optIn: {
    what: 'opt-in rewrite of this file ({option})',
    why: '{help}; it changes what the code does, so --fix does not apply it',
    fix: 'apply it after reading the diff',
  },
} as const satisfies MessageTable;

/** `preferSignalTimeout` for `prefer-signal-timeout` */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `{name}` placeholders as ESLint writes them: `{{name}}` */
export function eslintTemplate(message: Message): string {
  return renderMessage(message).replace(/\{(\w+)\}/g, '{{$1}}');
}

/** the message table a rule reports from: the engine's, the rule's own (as runRules reads them), the plugin's */
export function messageTable(rule: AnyRule): MessageTable {
  return { ...ENGINE_MESSAGES, ...rule.messages, ...PLUGIN_MESSAGES };
}

function placeholders(message: Message): string[] {
  return [...renderMessage(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

// A placeholder the finding has no data for stays `{name}` in the CLI's text (fillMessage): given
// as its own value, it reads the same in ESLint's.
function dataFor(message: Message | undefined, data: Record<string, string>): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) filled[key] = String(value);
  if (message) for (const name of placeholders(message)) if (!(name in filled)) filled[name] = `{${name}}`;
  return filled;
}

/* ---------------------------------------------------------------------------------------------
 * One analysis per file.
 * ------------------------------------------------------------------------------------------- */

interface Problem extends EslintProblem {
  rule: string;
}

interface FileLint {
  filename: string;
  cwd: string;
  sourceCode: EslintSourceCode;
  /** `settings['forgotten-sender']` of the user's config */
  settings: Record<string, unknown>;
  /** our rules turned on for this file, in create() order, with their options (camelCase, as configured) */
  enabled: Map<string, Record<string, unknown>>;
  problems?: Map<string, Problem[]>;
}

const lints = new WeakMap<object, FileLint>();

// Analyses by filename, text, rules and options: the same file linted again with the same text
// (ESLint's last pass of --fix, an editor that lints on open and on save) reuses its analysis.
const CACHE_SIZE = 32;
const cache = new Map<string, Map<string, Problem[]>>();

function remember(key: string, problems: Map<string, Problem[]>): void {
  cache.delete(key);
  cache.set(key, problems);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

function recall(key: string): Map<string, Problem[]> | undefined {
  const found = cache.get(key);
  if (found) {
    cache.delete(key);
    cache.set(key, found);
  }
  return found;
}

/** how many analyses ran (not recalled), and how many of them parsed the file: for the tests of sharing */
export const analysisCount = { value: 0, parsed: 0 };

function sourceCodeOf(context: EslintContext): EslintSourceCode {
  return context.sourceCode ?? context.getSourceCode!();
}

function lintOf(context: EslintContext): FileLint {
  const sourceCode = sourceCodeOf(context);
  let lint = lints.get(sourceCode);
  if (!lint) {
    const settings = context.settings?.[NAMESPACE];
    lint = {
      filename: context.filename ?? context.getFilename?.() ?? '<input>',
      cwd: context.cwd ?? context.getCwd?.() ?? process.cwd(),
      sourceCode,
      settings: settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>) : {},
      enabled: new Map(),
    };
    lints.set(sourceCode, lint);
  }
  return lint;
}

// ESLint's `<input>` / `<text>` (stdin without --stdin-filename) is read as JavaScript.
function analysedPath(lint: FileLint, extensions: readonly string[]): string | undefined {
  const { filename } = lint;
  if (/^<\w+>$/.test(filename)) return join(lint.cwd, `${filename}.js`);
  const lower = filename.toLowerCase();
  if (lower.endsWith('.d.ts') || lower.endsWith('.d.mts') || lower.endsWith('.d.cts')) return undefined;
  return extensions.some((extension) => lower.endsWith(extension)) ? filename : undefined;
}

type Run = SuppressedRun | { failure: string };

// What the CLI skips (a bundle, a minified file), the rules skip too, so that both report the same
// sites; `settings: { 'forgotten-sender': { maxFileSize, maxLineLength } }` moves the limits as the
// CLI's flags do.
function beyondLimits(text: string, settings: Record<string, unknown>, limits: Limits | undefined): boolean {
  if (!limits) return false;
  const limit = (name: keyof Limits) => (typeof settings[name] === 'number' ? (settings[name] as number) : limits[name]);
  if (Buffer.byteLength(text, 'utf8') > limit('maxFileSize')) return true;
  const maxLineLength = limit('maxLineLength');
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > maxLineLength) return true;
    start = end + 1;
  }
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function runSafely(rules: readonly AnyRule[], path: string, text: string, options: Record<string | symbol, unknown>, known: readonly string[]): Run {
  try {
    return runWithSuppressions(rules, path, text, options as Record<string, unknown>, known);
  } catch (error) {
    // a throw out of the engine must not stop ESLint's run over the other files
    return { failure: error instanceof RangeError && /call stack/i.test(error.message) ? 'too deeply nested to analyse (the stack ran out)' : describe(error) };
  }
}

/** the smallest edit that turns `source` into `output` */
export function minimalEdit(source: string, output: string): EslintFix {
  let start = 0;
  const shorter = Math.min(source.length, output.length);
  while (start < shorter && source.charCodeAt(start) === output.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < shorter - start && source.charCodeAt(source.length - 1 - end) === output.charCodeAt(output.length - 1 - end)) end += 1;
  return { range: [start, source.length - end], text: output.slice(start, output.length - end) };
}

/**
 * Each fixed site's fix, by the site's offset: the edits of the sites whose edits touch or overlap
 * (ESLint skips a fix that starts where the previous one ends) make one fix, trimmed to what it
 * changes. Undefined when the groups, applied together, would not give run.output.
 */
export function siteFixes(source: string, run: Pick<RunResult, 'output' | 'fixes'>): Map<number, EslintFix> | undefined {
  const fixes = run.fixes ?? [];
  if (run.output === undefined || fixes.length === 0 || fixes.some((fix) => fix.pass !== 0)) return undefined;
  try {
    if (applyEdits(source, fixes.flatMap((fix) => fix.edits)) !== run.output) return undefined;
  } catch {
    // edits that overlap on the source: they were not all made on it
    return undefined;
  }
  const groups = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix, order) => ({ start: Math.min(...fix.edits.map((edit) => edit.start)), end: Math.max(...fix.edits.map((edit) => edit.end)), members: [order] }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof groups = [];
  for (const group of groups) {
    const last = merged[merged.length - 1];
    if (last && group.start <= last.end) {
      last.end = Math.max(last.end, group.end);
      last.members.push(...group.members);
    } else merged.push({ ...group, members: [...group.members] });
  }
  const withEdits = fixes.filter((fix) => fix.edits.length > 0);
  const bySite = new Map<number, EslintFix>();
  const applied: EslintFix[] = [];
  for (const group of merged) {
    // the edits in the engine's order, which decides between insertions at one offset
    const edits = group.members
      .sort((a, b) => a - b)
      .flatMap((member) => withEdits[member].edits)
      .map((edit) => ({ ...edit, start: edit.start - group.start, end: edit.end - group.start }));
    const trimmed = minimalEdit(source.slice(group.start, group.end), applyEdits(source.slice(group.start, group.end), edits));
    const fix: EslintFix = { range: [group.start + trimmed.range[0], group.start + trimmed.range[1]], text: trimmed.text };
    applied.push(fix);
    for (const member of group.members) bySite.set(withEdits[member].site, fix);
  }
  let rebuilt = '';
  let at = 0;
  for (const fix of applied) {
    rebuilt += source.slice(at, fix.range[0]) + fix.text;
    at = fix.range[1];
  }
  return rebuilt + source.slice(at) === run.output ? bySite : undefined;
}

const keyOf = (finding: LocatedFinding) => `${finding.rule}\0${finding.messageId}\0${finding.status}\0${finding.start}`;

function location(text: SourceText, finding: LocatedFinding): EslintLocation {
  const end = text.positionAt(finding.end);
  return { start: { line: finding.position.line, column: finding.position.column - 1 }, end: { line: end.line, column: end.column - 1 } };
}

function analyse(lint: FileLint, spec: PluginSpec, byName: ReadonlyMap<string, AnyRule>): Map<string, Problem[]> {
  const problems = new Map<string, Problem[]>();
  const path = analysedPath(lint, spec.extensions);
  if (path === undefined) return problems;
  const text = lint.sourceCode.text;
  if (beyondLimits(text, lint.settings, spec.limits)) return problems;
  const rules = registry.filter((rule) => lint.enabled.has(rule.name) && byName.has(rule.name));
  if (rules.length === 0) return problems;
  // the opt-ins each rule's options turn on, as the CLI spells them
  const optIns = new Map<string, Record<string, true>>();
  for (const rule of rules) {
    const configured = lint.enabled.get(rule.name)!;
    const on: Record<string, true> = {};
    for (const option of spec.options) if (option.rule === rule.name && configured[camelCase(option.name)] === true) on[option.name] = true;
    if (Object.keys(on).length > 0) optIns.set(rule.name, on);
  }
  const key = createHash('sha256')
    .update(`${path}\0${JSON.stringify(rules.map((rule) => [rule.name, optIns.get(rule.name) ?? {}]))}\0${text}`)
    .digest('hex');
  const recalled = recall(key);
  if (recalled) return recalled;
  analysisCount.value += 1;

  const known = registry.map((rule) => rule.name);
  const modules = new ModuleIndex();
  const add = (problem: Problem) => {
    const list = problems.get(problem.rule) ?? [];
    list.push(problem);
    problems.set(problem.rule, list);
  };
  const first = rules[0];
  const atStart: EslintLocation = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

  const run = runSafely(rules, path, text, { [MODULE_INDEX]: modules }, known);
  if (!('failure' in run) && run.parsed) analysisCount.parsed += 1;
  if ('failure' in run) {
    add({ rule: first.name, loc: atStart, messageId: 'crashed', data: { error: run.failure } });
    remember(key, problems);
    return problems;
  }
  if (run.syntaxError) {
    const at = { line: run.syntaxError.line, column: run.syntaxError.column - 1 };
    add({ rule: first.name, loc: { start: at, end: at }, messageId: 'syntaxError', data: { error: run.syntaxError.message } });
    remember(key, problems);
    return problems;
  }

  const source = new SourceText(text);
  const edit = run.output !== undefined ? minimalEdit(text, run.output) : undefined;
  const perSite = siteFixes(text, run);
  const fixOf = (finding: LocatedFinding): EslintFix | undefined => (perSite ? perSite.get(finding.site.start) : edit);
  // a fixed finding without a fix of its own: the one edit of the whole file, for all of them
  const whole = perSite !== undefined && run.findings.some((finding) => finding.status === 'fixed' && !perSite.has(finding.site.start));
  const reported: Problem[] = [];
  const reportedAt = new Map<LocatedFinding, Problem>();
  for (const finding of run.findings) {
    if (finding.status === 'safe') continue;
    const message = messageTable(byName.get(finding.rule)!)[finding.messageId];
    const problem: Problem = { rule: finding.rule, loc: location(source, finding), messageId: finding.messageId, data: dataFor(message, finding.data) };
    const fix = whole ? edit : fixOf(finding);
    if (finding.status === 'fixed' && fix) problem.fix = () => fix;
    reported.push(problem);
    reportedAt.set(finding, problem);
  }

  // A rule's opt-ins: the same rules over the same text with them on. What that run says and the
  // default did not (why an opt-in was refused) is reported too; its text is the suggestion.
  for (const [ruleName, on] of optIns) {
    const optional = runSafely(rules, path, text, { ...on, [MODULE_INDEX]: modules }, known);
    if ('failure' in optional || optional.syntaxError) continue;
    const mine = (finding: LocatedFinding) => finding.rule === ruleName;
    const defaultKeys = new Set(run.findings.filter(mine).map(keyOf));
    const optionalKeys = new Set(optional.findings.filter(mine).map(keyOf));
    for (const finding of optional.findings) {
      if (!mine(finding) || finding.status === 'safe' || finding.status === 'fixed' || defaultKeys.has(keyOf(finding))) continue;
      const message = messageTable(byName.get(finding.rule)!)[finding.messageId];
      reported.push({ rule: finding.rule, loc: location(source, finding), messageId: finding.messageId, data: dataFor(message, finding.data) });
    }
    if (optional.output === undefined || optional.output === run.output) continue;
    const suggestion = minimalEdit(text, optional.output);
    const names = Object.keys(on);
    const data = { option: names.map(camelCase).join(', '), help: spec.options.filter((option) => names.includes(option.name)).map((option) => option.help).join('; ') };
    // the sites the opt-in changes: whose findings differ between the two runs, else those it fixes
    const changed = (list: readonly LocatedFinding[], other: ReadonlySet<string>) => list.filter((finding) => mine(finding) && !other.has(keyOf(finding)));
    let sites = new Set([...changed(run.findings, optionalKeys), ...changed(optional.findings, defaultKeys)].map((finding) => finding.site.start));
    if (sites.size === 0) sites = new Set(optional.findings.filter((finding) => mine(finding) && finding.status === 'fixed').map((finding) => finding.site.start));
    for (const site of sites) {
      const atSite = run.findings.filter((finding) => mine(finding) && finding.site.start === site && reportedAt.has(finding));
      const resolved = atSite.filter((finding) => !optionalKeys.has(keyOf(finding)));
      const carriers = resolved.length > 0 ? resolved : atSite.slice(0, 1);
      if (carriers.length === 0) {
        // a site the default run does not report: the opt-in run's finding carries it
        const finding = optional.findings.find((candidate) => mine(candidate) && candidate.site.start === site);
        if (!finding) continue;
        const message = messageTable(byName.get(finding.rule)!)[finding.messageId];
        reported.push({ rule: finding.rule, loc: location(source, finding), messageId: finding.messageId, data: dataFor(message, finding.data), suggest: [{ messageId: 'optIn', data, fix: () => suggestion }] });
        continue;
      }
      for (const finding of carriers) {
        const problem = reportedAt.get(finding)!;
        (problem.suggest ??= []).push({ messageId: 'optIn', data, fix: () => suggestion });
      }
    }
  }

  for (const problem of reported) add(problem);
  for (const problem of hiddenByEslintComments(lint, source, run, rules, path, text, modules, byName)) add(problem);
  remember(key, problems);
  return problems;
}

// `// eslint-disable-next-line forgotten-sender/<rule>` (and `-line`) is read by the engine, which
// then neither fixes nor reports the site. ESLint reads the same comment, finds no problem of the
// rule on that line, calls it unused and, under --fix, deletes it: the next pass would fix the site
// the comment was meant to keep. So each site such a comment suppressed is reported once more, on
// the comment's line, for ESLint's directive to hide and count as used.
function hiddenByEslintComments(lint: FileLint, source: SourceText, run: SuppressedRun, rules: readonly AnyRule[], path: string, text: string, modules: ModuleIndex, byName: ReadonlyMap<string, AnyRule>): Problem[] {
  if (run.suppressed === 0 || !text.includes('eslint-disable')) return [];
  const unused = new Set(run.unused.map((entry) => entry.directive.start));
  const directives = (lint.sourceCode.getAllComments?.() ?? []).flatMap((comment) => {
    if (!comment.range || unused.has(comment.range[0])) return [];
    const directive = parseDirective(comment.value, comment.type === 'Block');
    if (!directive || !directive.keyword.startsWith('eslint-') || directive.kind === 'file') return [];
    const line = directive.kind === 'line' ? source.positionAt(comment.range[0]).line : source.positionAt(comment.range[1]).line + 1;
    return [{ rules: directive.rules ?? [], line }];
  });
  if (directives.length === 0) return [];
  let raw: RunResult;
  try {
    raw = runRules(rules, path, text, { [MODULE_INDEX]: modules });
  } catch {
    return [];
  }
  const kept = new Set(run.findings.map(keyOf));
  const hidden: Problem[] = [];
  for (const finding of raw.findings) {
    if (finding.status === 'safe' || kept.has(keyOf(finding))) continue;
    const lastLine = Math.max(source.positionAt(finding.site.start).line, finding.position.line);
    const lines = directives.filter((directive) => directive.rules.includes(finding.rule) && directive.line <= lastLine).map((directive) => directive.line);
    if (lines.length === 0) continue;
    const at = { line: Math.max(...lines), column: 0 };
    const message = messageTable(byName.get(finding.rule)!)[finding.messageId];
    hidden.push({ rule: finding.rule, loc: { start: at, end: at }, messageId: finding.messageId, data: dataFor(message, finding.data) });
  }
  return hidden;
}

/* ---------------------------------------------------------------------------------------------
 * The plugin.
 * ------------------------------------------------------------------------------------------- */

function docsUrl(homepage: string | undefined, rule: string): string {
  const repository = homepage ? homepage.replace(/#.*$/, '') : DEFAULT_REPOSITORY;
  return `${repository}#${rule}`;
}

function createRule(rule: AnyRule, spec: PluginSpec, byName: ReadonlyMap<string, AnyRule>): EslintRule {
  const options = spec.options.filter((option) => option.rule === rule.name);
  const messages = Object.fromEntries(Object.entries(messageTable(rule)).map(([id, message]) => [id, eslintTemplate(message)]));
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.summary, recommended: true, url: docsUrl(spec.homepage, rule.name) },
      fixable: 'code',
      hasSuggestions: options.length > 0,
      schema: [
        {
          type: 'object',
          properties: Object.fromEntries(options.map((option) => [camelCase(option.name), { type: 'boolean', description: option.help }])),
          additionalProperties: false,
        },
      ],
      defaultOptions: [Object.fromEntries(options.map((option) => [camelCase(option.name), false]))],
      messages,
    },
    create(context) {
      const lint = lintOf(context);
      const configured = context.options[0];
      lint.enabled.set(rule.name, configured !== null && typeof configured === 'object' ? (configured as Record<string, unknown>) : {});
      return {
        Program() {
          lint.problems ??= analyse(lint, spec, byName);
          for (const { rule: _owner, ...problem } of lint.problems.get(rule.name) ?? []) context.report(problem);
        },
      };
    },
  };
}

export function createPlugin(spec: PluginSpec): EslintPlugin {
  const byName = new Map(registry.map((rule) => [rule.name, rule]));
  const rules = Object.fromEntries(registry.map((rule) => [rule.name, createRule(rule, spec, byName)]));
  const plugin: EslintPlugin = {
    meta: { name: spec.name, version: spec.version, namespace: NAMESPACE },
    rules,
    configs: { recommended: { name: `${NAMESPACE}/recommended`, plugins: {}, rules: {} } },
  };
  plugin.configs.recommended.plugins[NAMESPACE] = plugin;
  for (const name of Object.keys(rules)) plugin.configs.recommended.rules[`${NAMESPACE}/${name}`] = 'error';
  return plugin;
}
