// A baseline: the sites a repository already had, so that a CI gate fails only on new ones.
// A site's fingerprint is its rule, its file from the repository root, its code without
// whitespace, and how many sites of the same rule and code come before it in the file: moving the
// code up or down, or re-indenting it, keeps it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileOutcome, SiteRecord } from './engine';

export const BASELINE_FILE = '.forgotten-sender-baseline.json';
const FORMAT = 1;

export class BaselineError extends Error {}

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** from the repository root, with forward slashes */
  file: string;
  /** where it was when recorded (for a person reading the file; only the fingerprint counts) */
  line: number;
  message: string;
}

export function rootRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** sets `fingerprint` on every site record of the outcome; the records of one site share it */
export function assignFingerprints(outcome: FileOutcome, relativeFile: string): void {
  const hashes = outcome.codeHashes ?? [];
  const bySite = new Map<string, string>();
  const occurrences = new Map<string, number>();
  // the records come sorted by position; a site's records share its anchor
  const order = outcome.sites.map((site, index) => ({ site, hash: hashes[index] ?? '' })).sort((a, b) => a.site.site.line - b.site.site.line || a.site.site.column - b.site.site.column);
  for (const { site, hash } of order) {
    const siteKey = `${site.transform}@${site.site.line}:${site.site.column}`;
    let fingerprint = bySite.get(siteKey);
    if (fingerprint === undefined) {
      const key = `${site.transform}\0${relativeFile}\0${hash}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      fingerprint = createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
      bySite.set(siteKey, fingerprint);
    }
    site.fingerprint = fingerprint;
  }
}

/** the sites a baseline records: every one --check fails on (notes never) */
export function baselineWorthy(site: SiteRecord, written: boolean): boolean {
  return site.severity !== 'note' && (site.status === 'reported' || !written);
}

/**
 * Records `sites` in `file`. The entries an earlier baseline there holds for files this run did not
 * read through (not named, skipped, or failed) are kept: `--update-baseline src/` after a fix in src/
 * leaves the rest of the repository's baseline as it was.
 */
export function writeBaseline(file: string, sites: readonly SiteRecord[], root: string, cwd: string, judged: ReadonlySet<string>): { count: number; kept: number } {
  const entries = new Map<string, BaselineEntry>();
  let kept = 0;
  let earlier: BaselineEntry[] = [];
  try {
    earlier = readBaseline(file);
  } catch {
    // none yet, or one this version cannot read: recorded anew
  }
  for (const entry of earlier) {
    if (judged.has(entry.file) || entries.has(entry.fingerprint)) continue;
    entries.set(entry.fingerprint, entry);
    kept += 1;
  }
  for (const site of sites) {
    if (site.fingerprint === undefined || entries.has(site.fingerprint)) continue;
    entries.set(site.fingerprint, {
      fingerprint: site.fingerprint,
      rule: site.transform,
      file: rootRelative(root, path.resolve(cwd, site.file)),
      line: site.site.line,
      message: `${site.message.what}: ${site.message.why}`,
    });
  }
  const sorted = [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.fingerprint < b.fingerprint ? -1 : 1)));
  fs.writeFileSync(file, `${JSON.stringify({ tool: 'forgotten-sender', format: FORMAT, sites: sorted }, null, 2)}\n`);
  return { count: sorted.length, kept };
}

export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BaselineError(code === 'ENOENT' ? `no baseline at ${file}: record one with --update-baseline` : `${file}: cannot be read (${(error as Error).message})`);
  }
  let parsed: { format?: unknown; sites?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new BaselineError(`${file}: not valid JSON (${(error as Error).message}); record it again with --update-baseline`);
  }
  if (parsed.format !== FORMAT || !Array.isArray(parsed.sites)) throw new BaselineError(`${file}: not a baseline of this version (format ${FORMAT}); record it again with --update-baseline`);
  return parsed.sites as BaselineEntry[];
}
