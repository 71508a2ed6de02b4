// Disable comments: a site they name is neither fixed nor reported. The same names serve the CLI,
// jscodeshift (transforms/engine/jscodeshift.ts) and, later, the ESLint rules:
//   // forgotten-sender-disable-next-line [rule[, rule]] [-- reason]   the next line
//   // forgotten-sender-disable-line [rule[, rule]] [-- reason]        this line
//   /* forgotten-sender-disable [rule[, rule]] [-- reason] */          the whole file
//   // eslint-disable-next-line forgotten-sender/<rule>, …             the same, as ESLint spells it
//   // eslint-disable-line forgotten-sender/<rule>, …
// No rule named: every rule. A line directive matches a site when the line it names is the first
// line of the site's statement or of the site itself.
//
// The rules are wrapped, not the engine changed: a wrapped rule's analyze() returns no verdict for
// a suppressed site, so runRules neither fixes nor reports it, in every pass.
import type { Facts } from '../model/facts';
import type { LocatedFinding } from './finding';
import { parseSource } from './parse';
import type { AnyRule } from './rule';
import { type RunOptions, type RunResult, runRules } from './run';
import { SourceText } from './source';

export type DirectiveKind = 'next-line' | 'line' | 'file';

export interface Directive {
  kind: DirectiveKind;
  /** the rule ids it names; undefined: every rule */
  rules?: string[];
  /** the text after `--`, if any */
  reason?: string;
  /** the comment's offsets */
  start: number;
  end: number;
  /** 1-based: the line it applies to (file: 0) */
  targetLine: number;
  /** `forgotten-sender-…` or `eslint-…`, as written */
  keyword: string;
}

export interface UnusedDirective {
  directive: Directive;
  line: number;
  column: number;
  /** why it matches nothing */
  reason: string;
}

export interface SuppressedRun extends RunResult {
  /** sites left alone because a comment names them */
  suppressed: number;
  /** the comments that matched no site of the rules that ran (unknown rule names included) */
  unused: UnusedDirective[];
}

const KEYWORDS = /^(forgotten-sender-disable-next-line|forgotten-sender-disable-line|forgotten-sender-disable|eslint-disable-next-line|eslint-disable-line)(?=\s|$)/;
const PREFIX = 'forgotten-sender/';

/** cheap text test: a file without either word holds no directive */
export function mayHoldDirectives(source: string): boolean {
  return source.includes('forgotten-sender-disable') || (source.includes('eslint-disable') && source.includes(PREFIX));
}

// One comment's directive, or undefined. `block` tells `/* */` from `//`.
export function parseDirective(comment: string, block: boolean): Omit<Directive, 'start' | 'end' | 'targetLine'> | undefined {
  const text = (block ? comment.replace(/^\s*\*?/, '') : comment).trim();
  const match = KEYWORDS.exec(text);
  if (!match) return undefined;
  const keyword = match[1];
  if (keyword === 'forgotten-sender-disable' && !block) return undefined;
  let rest = text.slice(keyword.length);
  let reason: string | undefined;
  const separator = rest.search(/(?:^|\s)--(?:\s|$)/);
  if (separator !== -1) {
    reason = rest.slice(separator).replace(/^\s*--/, '').trim() || undefined;
    rest = rest.slice(0, separator);
  }
  const names = rest
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const kind: DirectiveKind = keyword.endsWith('next-line') ? 'next-line' : keyword.endsWith('-line') ? 'line' : 'file';
  if (keyword.startsWith('eslint-')) {
    // ESLint's own comment: ours only for the rules it names under our prefix
    const ours = names.filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length));
    if (ours.length === 0) return undefined;
    return { kind, rules: ours, reason, keyword };
  }
  const rules = names.map((name) => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name));
  return { kind, rules: rules.length > 0 ? rules : undefined, reason, keyword };
}

interface Comment {
  type: string;
  value: string;
  start: number;
  end: number;
}

export function findDirectives(comments: readonly Comment[], text: SourceText): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment.value, comment.type === 'CommentBlock');
    if (!parsed) continue;
    const targetLine = parsed.kind === 'file' ? 0 : parsed.kind === 'line' ? text.positionAt(comment.start).line : text.positionAt(comment.end).line + 1;
    directives.push({ ...parsed, start: comment.start, end: comment.end, targetLine });
  }
  return directives;
}

function names(directive: Directive, rule: string): boolean {
  return directive.rules === undefined || directive.rules.includes(rule);
}

// The first line of the statement (or class member) that holds the site, across function bounds:
// `const find = () => Promise.race(…)` is suppressed from above `const find`.
function statementStart(facts: Facts, node: any): number {
  let current = node;
  for (;;) {
    const slot = facts.tree.slot(current);
    if (slot === undefined) return current.start;
    if (slot.index !== -1 && (slot.key === 'body' || slot.key === 'consequent')) return current.start;
    current = slot.parent;
  }
}

/** whether a disable comment of `facts` leaves `rule` alone at `node` (the lines of its statement and its own) */
export function disabledAt(facts: Facts, rule: string, node: any): boolean {
  if (!mayHoldDirectives(facts.text)) return false;
  const directives = findDirectives(facts.file.comments ?? [], facts.source);
  const lines = [facts.source.positionAt(statementStart(facts, node)).line, facts.source.positionAt(node.start).line];
  return matching(directives, rule, lines) !== -1;
}

/** the index of the directive that suppresses `rule` at a site spanning these lines, or -1 */
function matching(directives: readonly Directive[], rule: string, lines: readonly number[]): number {
  return directives.findIndex((directive) => names(directive, rule) && (directive.kind === 'file' || lines.includes(directive.targetLine)));
}

/**
 * runRules, with every site a disable comment names left alone. `knownRules` are every rule id
 * there is (a name outside them is reported as unknown); the rules that run are always known.
 */
export function runWithSuppressions(rules: readonly AnyRule[], path: string, source: string, options: RunOptions = {}, knownRules: readonly string[] = []): SuppressedRun {
  if (!mayHoldDirectives(source)) return { ...runRules(rules, path, source, options), suppressed: 0, unused: [] };
  const text = new SourceText(source);
  let original: Directive[];
  try {
    original = findDirectives(parseSource(path, source).comments ?? [], text);
  } catch {
    // a file that does not parse: runRules says so
    return { ...runRules(rules, path, source, options), suppressed: 0, unused: [] };
  }
  if (original.length === 0) return { ...runRules(rules, path, source, options), suppressed: 0, unused: [] };

  const used = new Set<number>();
  let firstFacts: Facts | undefined;
  let suppressed = 0;
  // later passes parse the fixed text: its directives are the same comments, in the same order
  const perFacts = new WeakMap<Facts, Directive[]>();
  const directivesOf = (facts: Facts): Directive[] => {
    let found = perFacts.get(facts);
    if (found === undefined) {
      found = facts.text === source ? original : findDirectives(facts.file.comments ?? [], facts.source);
      if (found.length !== original.length) found = original;
      perFacts.set(facts, found);
    }
    return found;
  };
  const wrapped = rules.map((rule): AnyRule => {
    const analyze: AnyRule['analyze'] = (site, context) => {
      const facts = context.facts;
      const lines = [facts.source.positionAt(statementStart(facts, site.node)).line, facts.source.positionAt(site.node.start).line];
      const index = matching(directivesOf(facts), rule.name, lines);
      if (index === -1) return rule.analyze(site, context);
      used.add(index);
      firstFacts ??= facts;
      if (facts === firstFacts) suppressed += 1;
      return undefined;
    };
    return Object.assign(Object.create(rule) as AnyRule, { analyze });
  });
  const result = runRules(wrapped, path, source, options);

  // a site whose model crashed never reached analyze(): its finding is dropped here, by its line
  const findings = result.findings.filter((finding: LocatedFinding) => {
    if (finding.status !== 'crashed') return true;
    const index = matching(original, finding.rule, [text.positionAt(finding.site.start).line]);
    if (index === -1) return true;
    used.add(index);
    return false;
  });

  const running = new Set(rules.map((rule) => rule.name));
  const known = new Set([...knownRules, ...running]);
  const unused: UnusedDirective[] = [];
  original.forEach((directive, index) => {
    if (used.has(index)) return;
    const unknown = (directive.rules ?? []).filter((rule) => !known.has(rule));
    // a directive for rules this run left out cannot be judged from here
    if (unknown.length === 0 && directive.rules !== undefined && !directive.rules.some((rule) => running.has(rule))) return;
    const position = text.positionAt(directive.start);
    const what = directive.kind === 'file' ? 'in this file' : directive.kind === 'line' ? 'on this line' : 'on the next line';
    const reason = unknown.length > 0 ? `no such rule: ${unknown.join(', ')}` : `no site ${directive.rules ? `of ${directive.rules.join(', ')} ` : ''}${what}`;
    unused.push({ directive, ...position, reason });
  });
  return { ...result, findings, suppressed, unused };
}
