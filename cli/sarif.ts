// Machine-readable results: our own JSON (`--json`) and SARIF 2.1.0 (`--sarif`) for code scanning.
// The SARIF is checked in test/cli-sarif.test.ts by Microsoft's SARIF validator with its GitHub
// rules: every rule carries full descriptions, help and an absolute helpUri; results carry a level
// from the finding's severity, a location relative to the repository root (%SRCROOT%) and a
// fingerprint that follows the code as it moves.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../transforms/engine/rule';
import type { SiteRecord, UnusedDisable } from './engine';

export interface FileProblem {
  file: string;
  /** error: the file could not be read, parsed, transformed or written; skipped: left out on purpose */
  kind: 'error' | 'skipped';
  reason: string;
  /** set for syntax errors */
  line?: number;
  column?: number;
}

export interface TransformCounts {
  /** fixable (dry run) or fixed (--write) */
  fixed: number;
  /** reported, not fixed: a leak (error) or a site that cannot be judged (warning) */
  reported: number;
  /** already safe: never a site to fix */
  notes: number;
}

export interface RunSummary {
  filesScanned: number;
  filesParsed: number;
  filesChanged: number;
  filesSkipped: number;
  errors: number;
  /** sites a disable comment left alone */
  suppressed: number;
  /** with --baseline: sites found in it, and sites of it not found any more in the files scanned */
  baseline?: { file: string; known: number; gone: number };
  seconds: number;
  perTransform: Record<string, TransformCounts>;
}

export interface RunResult {
  written: boolean;
  /** the repository root: SARIF's %SRCROOT% */
  root: string;
  /** where relative file names start */
  cwd: string;
  /** every site (notes included), each with `baseline: 'unchanged'` when --baseline knows it */
  sites: (SiteRecord & { baseline?: 'new' | 'unchanged' })[];
  problems: FileProblem[];
  changedFiles: string[];
  unusedDisables: UnusedDisable[];
  summary: RunSummary;
}

export const TOOL_NAME = 'forgotten-sender';

interface PackageInfo {
  version: string;
  homepage?: string;
}

function packageInfo(): PackageInfo {
  try {
    return require('../package.json') as PackageInfo;
  } catch {
    return { version: '0.0.0' };
  }
}

/** the project's home page without a fragment; rules' help is its README section */
export function homepage(): string {
  return (packageInfo().homepage ?? 'https://github.com/forgotten-sender/forgotten-sender').replace(/#.*$/, '');
}

export function toJson(result: RunResult): string {
  return `${JSON.stringify(
    {
      tool: TOOL_NAME,
      version: packageInfo().version,
      written: result.written,
      sites: result.sites,
      changedFiles: result.changedFiles,
      problems: result.problems,
      unusedDisables: result.unusedDisables,
      summary: result.summary,
    },
    null,
    2,
  )}\n`;
}

// Relative to the repository root with forward slashes and percent-encoding; a file outside it gets
// an absolute file: URI and no base id (GitHub's rule: relative URIs or absolute file paths only).
function artifactLocation(file: string, result: RunResult): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(result.cwd, file);
  const relative = path.relative(result.root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function ruleDescriptor(rule: AnyRule) {
  const messages = Object.values(rule.messages);
  const helpUri = `${homepage()}#${rule.name}`;
  const reasons = messages.map((message) => `${message.what}: ${message.why} — ${message.fix}`);
  return {
    id: rule.name,
    shortDescription: { text: sentence(rule.summary) },
    fullDescription: { text: `${sentence(rule.summary)} A site it cannot rewrite safely is reported with the reason and how to fix it by hand.` },
    help: {
      text: `${sentence(rule.summary)}\n\nRun \`npx ${TOOL_NAME} --only ${rule.name} --write <path>\` to apply the fix. What it reports:\n${reasons.map((reason) => `- ${reason}`).join('\n')}\n\nSee ${helpUri}`,
      markdown: `${sentence(rule.summary)}\n\nRun \`npx ${TOOL_NAME} --only ${rule.name} --write <path>\` to apply the fix. What it reports:\n\n${reasons.map((reason) => `- ${reason.replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'))}`).join('\n')}\n\n[${rule.name} in the README](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: 'error' },
  };
}

export function toSarif(result: RunResult, codemods: readonly AnyRule[], options: { notes?: boolean } = {}): string {
  const rules = codemods.map(ruleDescriptor);
  const ruleIndex = new Map(codemods.map((codemod, index) => [codemod.name, index]));
  const shown = result.sites.filter(
    (site) =>
      // a site --write fixed is gone from the code; a known one is the baseline's; notes mark safe code
      !(site.status === 'fixed' && result.written) && site.baseline !== 'unchanged' && (site.severity !== 'note' || options.notes === true),
  );
  const results = shown.map((site) => ({
    ruleId: site.transform,
    ...(ruleIndex.has(site.transform) ? { ruleIndex: ruleIndex.get(site.transform) } : {}),
    level: site.severity,
    message: {
      text: `${sentence(`${site.message.what}: ${site.message.why}`)} ${site.status === 'fixed' ? `Fixable: \`${TOOL_NAME} --only ${site.transform} --write\` ${site.message.fix}` : sentence(site.message.fix)}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(site.file, result),
          region: { startLine: site.line, startColumn: site.column, ...(site.end ? { endLine: site.end.line, endColumn: site.end.column } : {}) },
        },
      },
    ],
    ...(site.fingerprint ? { partialFingerprints: { 'forgottenSenderSite/v1': site.fingerprint } } : {}),
    ...(site.baseline ? { baselineState: site.baseline } : {}),
    properties: { status: site.status, verdict: site.verdict, messageId: site.messageId },
  }));
  const notifications = result.problems.map((problem) => ({
    level: problem.kind === 'error' ? 'error' : 'note',
    message: { text: sentence(`${problem.kind === 'error' ? 'Failed' : 'Skipped'}: ${problem.reason}`) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(problem.file, result),
          ...(problem.line !== undefined ? { region: { startLine: problem.line, startColumn: problem.column ?? 1 } } : {}),
        },
      },
    ],
  }));
  const { version } = packageInfo();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            semanticVersion: version,
            informationUri: homepage(),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(result.root.endsWith(path.sep) ? result.root : result.root + path.sep).href } },
        invocations: [
          {
            executionSuccessful: result.summary.errors === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
