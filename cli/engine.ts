// One file through the rules, exactly as `jscodeshift -t transforms/all.ts` runs it: the same
// runWithSuppressions call; the findings arrive as data and are rendered here, at the edge.
import { createHash } from 'node:crypto';
import { type LocatedFinding, type Message, renderMessage, type Severity, severityOf, type Status } from '../transforms/engine/finding';
import type { AnyRule } from '../transforms/engine/rule';
import { SourceText } from '../transforms/engine/source';
import { runWithSuppressions } from '../transforms/engine/suppressions';
import { upgradesOf } from '../transforms/model/upgrade';
import { registry } from '../transforms/registry';

export type SiteStatus = 'fixed' | 'reported';

export interface SiteRecord {
  file: string;
  line: number;
  column: number;
  /** the rule id */
  transform: string;
  /** 'fixed': rewritten (in a dry run: would be); 'reported': left for a person, or a note */
  status: SiteStatus;
  /** the verdict: fixed, refused, unknown (cannot be judged here), safe (a note), crashed */
  verdict: Status;
  severity: Severity;
  messageId: string;
  data: Record<string, string>;
  /** `what — why — how to fix`, rendered from the message table */
  reason: string;
  /** the message's parts, for report lines: `what: why`, then how to fix */
  message: Message;
  /** where what the reason is about ends */
  end?: { line: number; column: number };
  /** the site's anchor */
  site: { line: number; column: number };
  /** stable across line shifts: rule, file from the repository root, the site's code, occurrence (set by the run) */
  fingerprint?: string;
}

/** a disable comment that matched nothing */
export interface UnusedDisable {
  file: string;
  line: number;
  column: number;
  keyword: string;
  reason: string;
}

export interface FileOutcome {
  path: string;
  /** the new text (no BOM) when the rules changed the file */
  output?: string;
  sites: SiteRecord[];
  /** set when the file could not be processed: a syntax error */
  error?: string;
  /** where the syntax error is */
  errorAt?: { line: number; column: number };
  /** whether the file was parsed at all (some rule's text prefilter passed) */
  parsed: boolean;
  /** per site record: a hash of the site's code without whitespace, for its fingerprint */
  codeHashes?: string[];
  /** sites a disable comment left alone */
  suppressed?: number;
  unusedDisables?: UnusedDisable[];
  /** the stack ran out on this file: the pool tries it again on a deeper one */
  stackOverflow?: boolean;
}

export function selectRules(registry: readonly AnyRule[], only: readonly string[], skip: readonly string[]): AnyRule[] {
  const known = new Set(registry.map((rule) => rule.name));
  const unknown = [...only, ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown transform${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  return registry.filter((rule) => (only.length === 0 || only.includes(rule.name)) && !skip.includes(rule.name));
}

export function mayApplyAny(rules: readonly AnyRule[], source: string): boolean {
  return rules.some((rule) => rule.mayApply(source));
}

export function toSiteRecord(finding: LocatedFinding, sitePosition: { line: number; column: number }, end?: { line: number; column: number }): SiteRecord {
  return {
    file: finding.path,
    line: finding.position.line,
    column: finding.position.column,
    transform: finding.rule,
    status: finding.status === 'fixed' ? 'fixed' : 'reported',
    verdict: finding.status,
    severity: severityOf(finding.status),
    messageId: finding.messageId,
    data: finding.data,
    reason: renderMessage(finding.message),
    message: finding.message,
    ...(end ? { end } : {}),
    site: sitePosition,
  };
}

// The site's code with its whitespace taken out: re-indenting or re-wrapping it keeps the hash.
function codeHash(source: string, start: number, end: number): string {
  return createHash('sha256').update(source.slice(start, end).replace(/\s+/g, '')).digest('hex').slice(0, 16);
}

const KNOWN_RULES = registry.map((rule) => rule.name);

const STACK_OVERFLOW = 'too deeply nested to analyse (the stack ran out: a stack overflow, not a syntax error); left untouched — exclude the file, or split the expression';

export function transformSource(rules: readonly AnyRule[], path: string, source: string, options: Record<string, unknown>): FileOutcome {
  if (!mayApplyAny(rules, source) && !upgradesOf(options).some((upgrade) => upgrade.file === path)) return { path, sites: [], parsed: false };
  let result;
  try {
    result = runWithSuppressions(rules, path, source, options, KNOWN_RULES);
  } catch (crash) {
    // a stack overflow is the input's depth, not a bug: said as such, once
    if (crash instanceof RangeError && /call stack/i.test(crash.message)) return { path, sites: [], parsed: true, error: STACK_OVERFLOW, stackOverflow: true };
    const message = crash instanceof Error ? crash.message : String(crash);
    return { path, sites: [], parsed: true, error: `internal error: ${message}` };
  }
  if (result.syntaxError && result.syntaxError.message.startsWith('too deeply nested')) return { path, sites: [], parsed: true, error: STACK_OVERFLOW, stackOverflow: true };
  if (result.syntaxError) {
    return { path, sites: [], parsed: true, error: `file does not parse — ${result.syntaxError.message}; left untouched — fix the syntax error, or exclude the file from the run`, errorAt: { line: result.syntaxError.line, column: result.syntaxError.column } };
  }
  const text = new SourceText(source);
  const sites = result.findings.map((finding) => toSiteRecord(finding, text.positionAt(finding.site.start), text.positionAt(finding.end)));
  const codeHashes = result.findings.map((finding) => codeHash(source, finding.site.start, finding.site.end));
  const unusedDisables = result.unused.map(({ directive, line, column, reason }) => ({ file: path, line, column, keyword: directive.keyword, reason }));
  return { path, output: result.output, sites, parsed: result.parsed, codeHashes, suppressed: result.suppressed, unusedDisables };
}
