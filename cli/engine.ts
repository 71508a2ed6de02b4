// One file through the transforms, exactly as `jscodeshift -t transforms/all.ts` runs it: the same
// `runCodemods` call, with an `api` whose report lines are collected and attributed to a transform.
import type { API, JSCodeshift, Options } from 'jscodeshift';
import { type Codemod, FIXED_SITE_SINK, type FixedSiteSink, runCodemods } from '../transforms/lib/codemod';
import { cheapVerdict } from '../transforms/lib/candidates';
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
  /** whether the file was parsed (some transform's text prefilter passed) */
  parsed: boolean;
  /** whether recast parsed it (the cheap parse found a candidate, or could not decide) */
  recast?: boolean;
}

export const PARSE_ERROR = 'parse';

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
  const candidates = codemods.filter((codemod) => codemod.mayApply(source));
  if (candidates.length === 0) return { path, sites: [], parsed: false };
  if (!exact) {
    const verdict = cheapVerdict(candidates, path, source);
    if (verdict !== 'maybe') return { path, sites: [], parsed: verdict === 'none', recast: false };
  }

  const sites: SiteRecord[] = [];
  const fixedBy = new Map<string, number>();
  const changedBy: string[] = [];
  let current: string = PARSE_ERROR;
  let error: string | undefined;
  let errorAt: { line: number; column: number } | undefined;
  let crashed: string | undefined;

  // Wrapping keeps runCodemods' order and prefilter; it only learns which transform is running.
  const tracked: Codemod[] = codemods.map((codemod) => ({
    name: codemod.name,
    summary: codemod.summary,
    mayApply: (text: string) => codemod.mayApply(text),
    apply: (ctx) => {
      current = codemod.name;
      let changed: boolean;
      try {
        changed = codemod.apply(ctx);
      } catch (crash) {
        // runCodemods leaves the file untouched and reports the failure; for the CLI it is an error.
        crashed = `transform ${codemod.name} crashed: ${crash instanceof Error ? crash.message : String(crash)}`;
        throw crash;
      }
      if (changed) changedBy.push(codemod.name);
      return changed;
    },
  }));

  const sink: FixedSiteSink = (transform, site, reason) => {
    fixedBy.set(transform, (fixedBy.get(transform) ?? 0) + 1);
    sites.push({ file: path, line: site.line, column: site.column, transform, status: 'fixed', reason: reason ?? summaryOf(codemods, transform) });
  };
  const report = (line: string) => {
    if (crashed !== undefined) return;
    const parsed = parseReportLine(path, line);
    if (current === PARSE_ERROR) {
      error = parsed.message;
      errorAt = { line: parsed.line, column: parsed.column };
      return;
    }
    sites.push({ file: path, line: parsed.line, column: parsed.column, transform: current, status: 'reported', reason: parsed.message });
  };
  const j = jscodeshift ?? loadJscodeshift();
  const api = { jscodeshift: j, j, stats: () => undefined, report } as unknown as API;
  // `exact`: the cheap verdict was given above already (or is not wanted)
  const runOptions = { ...options, exact: true, [FIXED_SITE_SINK]: sink } as Options;

  let output: string | undefined;
  try {
    output = runCodemods(tracked, { path, source }, api, runOptions);
  } catch (crash) {
    const message = crash instanceof Error ? crash.message : String(crash);
    return { path, sites: [], parsed: true, recast: true, error: `transform ${current} crashed: ${message}` };
  }
  if (crashed !== undefined) return { path, sites: [], parsed: true, recast: true, error: crashed };
  if (error !== undefined) return { path, sites, parsed: true, recast: true, error, errorAt };
  if (output === undefined || output === source) return { path, sites: sites.filter((site) => site.status === 'reported'), parsed: true, recast: true };

  // Transforms that changed the file without naming their sites count once, at the first changed line.
  for (const name of changedBy) {
    if (!fixedBy.has(name)) {
      sites.push({ file: path, line: firstChangedLine(source, output), column: 1, transform: name, status: 'fixed', reason: summaryOf(codemods, name) });
    }
  }
  sites.sort((a, b) => a.line - b.line || a.column - b.column);
  return { path, output, sites, parsed: true, recast: true };
}

function summaryOf(codemods: readonly Codemod[], name: string): string {
  return codemods.find((codemod) => codemod.name === name)?.summary ?? name;
}
