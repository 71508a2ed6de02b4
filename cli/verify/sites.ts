// Which tracked resources belong to which site of the CLI. A site is the lines of the outermost
// expression or statement that starts where the CLI's `--json` puts the site (the race, the
// `new Promise`, the abort timer); after the fix, the same lines as the fix moved them. A resource
// belongs to the innermost site whose lines hold the line it was created on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource } from '../../transforms/engine/parse';
import { SourceText } from '../../transforms/engine/source';
import { diffLines } from '../diff';

export interface LineRange {
  start: number;
  end: number;
}

const BOM = '\uFEFF';

export function readSource(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.startsWith(BOM) ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** the lines of the outermost node that starts at line:column (1-based); that line alone when none does */
export function siteRange(file: string, source: string, line: number, column: number): LineRange {
  const text = new SourceText(source);
  const starts = text.lineStarts();
  const offset = (starts[line - 1] ?? 0) + column - 1;
  let end = -1;
  try {
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const child of node) visit(child);
        return;
      }
      const candidate = node as { type?: unknown; start?: unknown; end?: unknown };
      if (typeof candidate.type === 'string' && typeof candidate.start === 'number' && typeof candidate.end === 'number') {
        // nothing inside a node that ends before the site, or starts after it, can start at it
        if (candidate.end < offset || candidate.start > offset) return;
        if (candidate.start === offset && candidate.end > end) end = candidate.end;
      }
      for (const key of Object.keys(candidate)) {
        if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
        visit((candidate as Record<string, unknown>)[key]);
      }
    };
    visit(parseSource(file, source).program);
  } catch {
    // a file that no longer parses: the site's line alone
  }
  return { start: line, end: end < 0 ? line : text.positionAt(end).line };
}

/**
 * Where the lines of `before` went in `after`: a kept line maps to itself, a changed line to every
 * line its change added (or, for a deletion, to the line now in its place).
 */
export function lineMap(before: string, after: string): (range: LineRange) => LineRange {
  const edits = diffLines(before.split('\n'), after.split('\n'));
  const firstLine: number[] = [0];
  const lastLine: number[] = [0];
  let oldLine = 0;
  let newLine = 0;
  for (let index = 0; index < edits.length; ) {
    if (edits[index].kind === ' ') {
      oldLine++;
      newLine++;
      firstLine[oldLine] = newLine;
      lastLine[oldLine] = newLine;
      index++;
      continue;
    }
    const removed: number[] = [];
    const hunkStart = newLine + 1;
    for (; index < edits.length && edits[index].kind !== ' '; index++) {
      if (edits[index].kind === '-') removed.push(++oldLine);
      else newLine++;
    }
    const hunkEnd = Math.max(newLine, hunkStart);
    for (const line of removed) {
      firstLine[line] = Math.min(hunkStart, hunkEnd);
      lastLine[line] = hunkEnd;
    }
  }
  return (range) => ({ start: firstLine[range.start] ?? range.start, end: lastLine[range.end] ?? range.end });
}

/** one entry of a tracker report */
export interface TrackedSite {
  file: string;
  line: number;
  column: number;
  kind: string;
  armed: number;
  liveAfterSettle: number;
  liveAtExit: number;
  /** resources counted in either of the two above, once (AbortControllers and listeners at exit excepted) */
  leaked: number;
}

const TIMER_KINDS = new Set(['setTimeout', 'setInterval', 'timers/promises.setTimeout']);

/** every report a run's processes wrote, their sites keyed by file relative to `root` */
export function readReports(dir: string, root: string): Map<string, TrackedSite[]> {
  const byFile = new Map<string, TrackedSite[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return byFile;
  }
  const realRoot = fs.realpathSync(root);
  for (const entry of entries.sort()) {
    if (!entry.endsWith('.json')) continue;
    let report: { sites?: TrackedSite[] };
    try {
      report = JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8')) as { sites?: TrackedSite[] };
    } catch {
      continue; // a process killed while it wrote
    }
    for (const site of report.sites ?? []) {
      let file = site.file;
      try {
        file = fs.realpathSync(file);
      } catch {
        // a file gone since: compared as written
      }
      const relative = path.relative(realRoot, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const key = relative.split(path.sep).join('/');
      const list = byFile.get(key) ?? [];
      list.push(site);
      byFile.set(key, list);
    }
  }
  return byFile;
}

export interface SiteCounts {
  /** resources created in the site's lines that outlived it (timers and listeners) */
  leaked: number;
  /** timers created in the site's lines */
  armed: number;
}

/** the counts of each range, a resource going to the innermost range that holds its line */
export function countInRanges(tracked: readonly TrackedSite[], ranges: readonly LineRange[]): SiteCounts[] {
  const counts = ranges.map(() => ({ leaked: 0, armed: 0 }));
  for (const site of tracked) {
    if (site.kind === 'AbortController') continue;
    let best = -1;
    ranges.forEach((range, index) => {
      if (site.line < range.start || site.line > range.end) return;
      if (best === -1 || range.end - range.start < ranges[best].end - ranges[best].start) best = index;
    });
    if (best === -1) continue;
    counts[best].leaked += site.leaked;
    if (TIMER_KINDS.has(site.kind)) counts[best].armed += site.armed;
  }
  return counts;
}
