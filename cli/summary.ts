// What a person sees on stderr: a progress bar while a long run works, and a closing table.
import type { RunResult } from './sarif';

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

export function formatSummary(result: RunResult, threads: number): string {
  const { summary } = result;
  const rows: [string, string][] = [
    ['files scanned', `${summary.filesScanned}`],
    ['files parsed', `${summary.filesParsed}`],
    [result.written ? 'files changed' : 'files to change', `${summary.filesChanged}`],
    ['files skipped', `${summary.filesSkipped}`],
    ['errors', `${summary.errors}`],
    ['time', `${summary.seconds.toFixed(2)} s (${threads} thread${threads === 1 ? '' : 's'})`],
  ];
  const names = Object.keys(summary.perTransform);
  const nameWidth = Math.max(9, ...names.map((name) => name.length));
  const fixedLabel = result.written ? 'fixed' : 'fixable';
  const lines = [
    '',
    `${TABLE_TITLE}${result.written ? '' : ' (dry run: nothing written; --write applies the diffs)'}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(16)} ${value}`),
    '',
    `  ${'transform'.padEnd(nameWidth)}  ${fixedLabel.padStart(7)}  ${'reported'.padStart(8)}`,
    ...names.map((name) => {
      const counts = summary.perTransform[name];
      return `  ${name.padEnd(nameWidth)}  ${String(counts.fixed).padStart(7)}  ${String(counts.reported).padStart(8)}`;
    }),
    '',
  ];
  return lines.join('\n');
}

const TABLE_TITLE = 'forgotten-sender summary';
