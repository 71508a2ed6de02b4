// One file through the transforms, exactly as `jscodeshift -t transforms/all.ts` runs it: the same
// `runCodemods` call, with a run observer that attributes each report line to its transform.
import type { API, JSCodeshift, Options } from 'jscodeshift';
import { type Codemod, FIXED_SITE_SINK, type FixedSiteSink, RUN_OBSERVER, type RunObserver, runCodemods } from '../transforms/lib/codemod';
import { firstChangedLine } from './diff';

export type SiteStatus = 'fixed' | 'reported';

export interface SiteRecord {
  file: string;
  line: number;
  column: number;
  transform: string;
  status: SiteStatus;
  reason: string;
}

export interface FileOutcome {
  path: string;
  /** the new text (no BOM) when the transforms changed the file */
  output?: string;
  sites: SiteRecord[];
  /** set when the file could not be transformed: syntax error or a transform crash */
  error?: string;
  /** where the syntax error is */
  errorAt?: { line: number; column: number };
  /** whether the file was parsed at all (some transform's text prefilter and callee words passed) */
  parsed: boolean;
  /** whether recast parsed it: a transform changes it, or the plain parse could not decide */
  recast?: boolean;
}


// The report line format of transforms/lib/report.ts: `path:line:col: what — why — how to fix`.
function parseReportLine(path: string, line: string): { line: number; column: number; message: string } {
  if (line.startsWith(`${path}:`)) {
    const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(line.slice(path.length + 1));
    if (match) return { line: Number(match[1]), column: Number(match[2]), message: match[3] };
  }
  return { line: 1, column: 1, message: line };
}

export function selectCodemods(registry: readonly Codemod[], only: readonly string[], skip: readonly string[]): Codemod[] {
  const known = new Set(registry.map((codemod) => codemod.name));
  const unknown = [...only, ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown transform${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  return registry.filter((codemod) => (only.length === 0 || only.includes(codemod.name)) && !skip.includes(codemod.name));
}

export function mayApplyAny(codemods: readonly Codemod[], source: string): boolean {
  return codemods.some((codemod) => codemod.mayApply(source));
}

let loadedJscodeshift: JSCodeshift | undefined;

// Loaded on first use: a run whose files all fail the text prefilter never pays for recast and babel.
export function loadJscodeshift(): JSCodeshift {
  loadedJscodeshift ??= require('jscodeshift') as JSCodeshift;
  return loadedJscodeshift;
}

export function transformSource(
  codemods: readonly Codemod[],
  path: string,
  source: string,
  options: Options,
  jscodeshift?: JSCodeshift,
  exact = false,
): FileOutcome {
  if (!mayApplyAny(codemods, source)) return { path, sites: [], parsed: false };

  const sites: SiteRecord[] = [];
  const fixedBy = new Map<string, number>();
  const changedBy: string[] = [];
  let parsed = false;
  let recast = false;
  let error: string | undefined;
  let errorAt: { line: number; column: number } | undefined;
  let crashed: string | undefined;

  const observer: RunObserver = {
    parsed: (how) => {
      parsed = true;
      if (how === 'recast') recast = true;
    },
    report: (transform, line) => {
      if (crashed !== undefined) return;
      const at = parseReportLine(path, line);
      if (transform === undefined) {
        error = at.message;
        errorAt = { line: at.line, column: at.column };
        return;
      }
      sites.push({ file: path, line: at.line, column: at.column, transform, status: 'reported', reason: at.message });
    },
    changed: (transform) => changedBy.push(transform),
    crashed: (transform, crash) => {
      // runCodemods leaves the file untouched and reports the failure; for the CLI it is an error.
      crashed = `transform ${transform} crashed: ${crash instanceof Error ? crash.message : String(crash)}`;
    },
  };
  const sink: FixedSiteSink = (transform, site, reason) => {
    fixedBy.set(transform, (fixedBy.get(transform) ?? 0) + 1);
    sites.push({ file: path, line: site.line, column: site.column, transform, status: 'fixed', reason: reason ?? summaryOf(codemods, transform) });
  };
  const j = jscodeshift ?? loadJscodeshift();
  const api = { jscodeshift: j, j, stats: () => undefined, report: () => undefined } as unknown as API;
  const runOptions = { ...options, ...(exact ? { exact: true } : {}), [FIXED_SITE_SINK]: sink, [RUN_OBSERVER]: observer } as Options;

  let output: string | undefined;
  try {
    output = runCodemods(codemods, { path, source }, api, runOptions);
  } catch (crash) {
    const message = crash instanceof Error ? crash.message : String(crash);
    return { path, sites: [], parsed: true, recast, error: `internal error: ${message}` };
  }
  if (crashed !== undefined) return { path, sites: [], parsed, recast, error: crashed };
  if (error !== undefined) return { path, sites, parsed, recast, error, errorAt };
  if (output === undefined || output === source) return { path, sites: sites.filter((site) => site.status === 'reported'), parsed, recast };

  // Transforms that changed the file without naming their sites count once, at the first changed line.
  for (const name of changedBy) {
    if (!fixedBy.has(name)) {
      sites.push({ file: path, line: firstChangedLine(source, output), column: 1, transform: name, status: 'fixed', reason: summaryOf(codemods, name) });
    }
  }
  sites.sort((a, b) => a.line - b.line || a.column - b.column);
  return { path, output, sites, parsed, recast };
}

function summaryOf(codemods: readonly Codemod[], name: string): string {
  return codemods.find((codemod) => codemod.name === name)?.summary ?? name;
}
