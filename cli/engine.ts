// One file through the rules, exactly as `jscodeshift -t transforms/all.ts` runs it: the same
// runRules call; the findings arrive as data and are rendered here, at the edge.
import { type LocatedFinding, renderMessage, type Severity, severityOf, type Status } from '../transforms/engine/finding';
import type { AnyRule } from '../transforms/engine/rule';
import { runRules } from '../transforms/engine/run';
import { SourceText } from '../transforms/engine/source';

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
  /** the site's anchor, for fingerprints */
  site: { line: number; column: number };
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

export function toSiteRecord(finding: LocatedFinding, sitePosition: { line: number; column: number }): SiteRecord {
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
    site: sitePosition,
  };
}

export function transformSource(rules: readonly AnyRule[], path: string, source: string, options: Record<string, unknown>): FileOutcome {
  if (!mayApplyAny(rules, source)) return { path, sites: [], parsed: false };
  let result;
  try {
    result = runRules(rules, path, source, options);
  } catch (crash) {
    const message = crash instanceof Error ? crash.message : String(crash);
    return { path, sites: [], parsed: true, error: `internal error: ${message}` };
  }
  if (result.syntaxError) {
    return { path, sites: [], parsed: true, error: `file does not parse — ${result.syntaxError.message}; left untouched — fix the syntax error, or exclude the file from the run`, errorAt: { line: result.syntaxError.line, column: result.syntaxError.column } };
  }
  const text = new SourceText(source);
  const sites = result.findings.map((finding) => toSiteRecord(finding, text.positionAt(finding.site.start)));
  return { path, output: result.output, sites, parsed: result.parsed };
}
