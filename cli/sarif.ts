// Machine-readable results: our own JSON (`--json`) and SARIF 2.1.0 (`--sarif`) for code-scanning UIs.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../transforms/engine/rule';
import type { SiteRecord } from './engine';

export interface FileProblem {
  file: string;
  /** error: the file could not be read, parsed, transformed or written; skipped: left out on purpose */
  kind: 'error' | 'skipped';
  reason: string;
  /** set for syntax errors */
  line?: number;
  column?: number;
}

export interface RunSummary {
  filesScanned: number;
  filesParsed: number;
  filesChanged: number;
  filesSkipped: number;
  errors: number;
  seconds: number;
  perTransform: Record<string, { fixed: number; reported: number }>;
}

export interface RunResult {
  written: boolean;
  sites: SiteRecord[];
  problems: FileProblem[];
  changedFiles: string[];
  summary: RunSummary;
}

export const TOOL_NAME = 'forgotten-sender';

function toolVersion(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function toJson(result: RunResult): string {
  return `${JSON.stringify(
    {
      tool: TOOL_NAME,
      version: toolVersion(),
      written: result.written,
      sites: result.sites,
      changedFiles: result.changedFiles,
      problems: result.problems,
      summary: result.summary,
    },
    null,
    2,
  )}\n`;
}

// Forward slashes and percent-encoding, relative to the run's directory (SARIF's %SRCROOT%).
function artifactUri(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(path.resolve(cwd, file)).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

export function toSarif(result: RunResult, codemods: readonly AnyRule[], cwd: string): string {
  const rules = codemods.map((codemod) => ({
    id: codemod.name,
    name: codemod.name,
    shortDescription: { text: codemod.summary },
    defaultConfiguration: { level: 'warning' },
  }));
  const ruleIndex = new Map(codemods.map((codemod, index) => [codemod.name, index]));
  const results = result.sites.map((site) => ({
    ruleId: site.transform,
    ...(ruleIndex.has(site.transform) ? { ruleIndex: ruleIndex.get(site.transform) } : {}),
    // A fixed site written to disk is history; one still in the code (dry run, or reported) needs a look.
    level: site.status === 'fixed' && result.written ? 'note' : 'warning',
    message: {
      text:
        site.status === 'fixed'
          ? `${result.written ? 'Fixed' : 'Fixable'} by \`${TOOL_NAME} --only ${site.transform}\`: ${site.reason}`
          : `Not fixed automatically: ${site.reason}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(site.file, cwd), uriBaseId: '%SRCROOT%' },
          region: { startLine: site.line, startColumn: site.column },
        },
      },
    ],
    properties: { status: site.status, transform: site.transform },
  }));
  const notifications = result.problems.map((problem) => ({
    level: problem.kind === 'error' ? 'error' : 'note',
    message: { text: `${problem.kind === 'error' ? 'failed' : 'skipped'}: ${problem.reason}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(problem.file, cwd), uriBaseId: '%SRCROOT%' },
          ...(problem.line !== undefined ? { region: { startLine: problem.line, startColumn: problem.column ?? 1 } } : {}),
        },
      },
    ],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion(),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        invocations: [
          {
            executionSuccessful: result.summary.errors === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
