// What a person sees on stderr: report lines, a progress bar while a long run works, and a closing
// table. A report line is `path:line:col  severity  what: why  (rule-id)`, the way compilers and
// linters print theirs (so editors and CI problem matchers read it), with how to fix it below.
import type { SiteRecord, UnusedDisable } from './engine';
import type { FileProblem, RunResult } from './sarif';

// Redrawn at most ten times a second, and only when stderr is a terminal.
export class Progress {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: { write(text: string): unknown },
    private readonly enabled: boolean,
  ) {}

  update(phase: string, done: number, total: number): void {
    if (!this.enabled || total < 50) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    this.stream.write(`\r\x1b[K${phase.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** `path:line:col  error  what: why  (rule)` and, indented below it, how to fix */
export function formatSite(site: SiteRecord): string {
  return `${site.file}:${site.line}:${site.column}  ${site.severity}  ${site.message.what}: ${site.message.why}  (${site.transform})\n    how to fix: ${site.message.fix}\n`;
}

export function problemPlace(problem: FileProblem): string {
  return problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
}

export function formatProblem(problem: FileProblem): string {
  return `${problemPlace(problem)}  ${problem.kind === 'error' ? 'error' : 'skipped'}  ${problem.reason}\n`;
}

export function formatUnused(unused: UnusedDisable): string {
  return `${unused.file}:${unused.line}:${unused.column}  warning  unused ${unused.keyword} comment: ${unused.reason}  (unused-disable)\n    how to fix: remove the comment, or name the rule it is for\n`;
}

export function formatSummary(result: RunResult, threads: number, options: { notes?: boolean } = {}): string {
  const { summary } = result;
  const rows: [string, string][] = [
    ['files scanned', `${summary.filesScanned}`],
    ['files parsed', `${summary.filesParsed}`],
    [result.written ? 'files changed' : 'files to change', `${summary.filesChanged}`],
    ['files skipped', `${summary.filesSkipped}`],
    ['errors', `${summary.errors}`],
  ];
  if (summary.suppressed > 0) rows.push(['suppressed', `${summary.suppressed} (disable comments)`]);
  if (summary.baseline) rows.push(['baseline', `${summary.baseline.known} known, not reported; ${summary.baseline.gone} gone`]);
  rows.push(['time', `${summary.seconds.toFixed(2)} s (${threads} thread${threads === 1 ? '' : 's'})`]);
  const names = Object.keys(summary.perTransform);
  const nameWidth = Math.max(9, ...names.map((name) => name.length));
  const fixedLabel = result.written ? 'fixed' : 'fixable';
  const notes = names.reduce((sum, name) => sum + summary.perTransform[name].notes, 0);
  const lines = [
    '',
    `${TABLE_TITLE}${result.written ? '' : ' (dry run: nothing written; --write applies the diffs)'}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(16)} ${value}`),
    '',
    `  ${'transform'.padEnd(nameWidth)}  ${fixedLabel.padStart(7)}  ${'reported'.padStart(8)}  ${'notes'.padStart(5)}`,
    ...names.map((name) => {
      const counts = summary.perTransform[name];
      return `  ${name.padEnd(nameWidth)}  ${String(counts.fixed).padStart(7)}  ${String(counts.reported).padStart(8)}  ${String(counts.notes).padStart(5)}`;
    }),
  ];
  if (notes > 0 && !options.notes) lines.push('', `  ${notes} note${notes === 1 ? '' : 's'} on code that is already safe not shown (--notes shows them)`);
  lines.push('');
  // the errors are printed here, once, after the table: above a long report they would scroll away
  const failed = result.problems.filter((problem) => problem.kind === 'error');
  if (failed.length > 0) lines.push(`${failed.length} file${failed.length === 1 ? '' : 's'} failed:`, ...failed.map((problem) => formatProblem(problem).trimEnd()), '');
  return lines.join('\n');
}

const TABLE_TITLE = 'forgotten-sender summary';
