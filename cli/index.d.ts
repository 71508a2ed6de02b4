// Types of the programmatic API (cli/index.cjs → cli/api.ts). See "Use it from code" in README.md.

export interface RunOptions {
  /** files and directories, relative to `cwd` (default ['.']); directories are listed as git sees them */
  paths?: string[];
  /** write the fixes (default false: a dry run, the new text is in `changes`) */
  write?: boolean;
  /** run only these rules (default: every rule the config leaves on) */
  rules?: string[];
  /** the rules' options, e.g. { 'prefer-signal-timeout': true } */
  options?: Record<string, unknown>;
  /** where relative paths start, and the repository (and its config) is found from (default process.cwd()) */
  cwd?: string;
  /** with write: write even into a git work tree with uncommitted changes */
  force?: boolean;
  /** threads, the calling one included (default: chosen by the amount of code) */
  jobs?: number;
  /** a config file to read instead of forgotten-sender.config.json */
  config?: string;
}

export type Severity = 'error' | 'warning' | 'note';

export interface Site {
  /** as listed: relative to `cwd` when the path given was */
  file: string;
  line: number;
  column: number;
  /** the rule id */
  transform: string;
  /** fixed: rewritten (in a dry run: would be); reported: left for a person, or a note */
  status: 'fixed' | 'reported';
  verdict: 'fixed' | 'refused' | 'unknown' | 'safe' | 'crashed';
  severity: Severity;
  messageId: string;
  data: Record<string, string>;
  /** `what — why — how to fix` */
  reason: string;
  message: { what: string; why: string; fix: string };
  end?: { line: number; column: number };
  site: { line: number; column: number };
  /** stable across line shifts: what --baseline compares */
  fingerprint?: string;
}

export interface Change {
  file: string;
  before: string;
  after: string;
}

export interface Problem {
  file: string;
  /** error: unreadable, unparsable, crashed or not written; skipped: left out on purpose */
  kind: 'error' | 'skipped';
  reason: string;
  line?: number;
  column?: number;
}

export interface UnusedDisable {
  file: string;
  line: number;
  column: number;
  keyword: string;
  reason: string;
}

export interface Summary {
  filesScanned: number;
  filesParsed: number;
  filesChanged: number;
  filesSkipped: number;
  errors: number;
  suppressed: number;
  baseline?: { file: string; known: number; gone: number };
  seconds: number;
  perTransform: Record<string, { fixed: number; reported: number; notes: number }>;
}

export interface RunResult {
  sites: Site[];
  changes: Change[];
  problems: Problem[];
  unusedDisables: UnusedDisable[];
  summary: Summary;
  /** what the CLI would exit with under --check: 0 nothing left, 1 sites left, 2 some file failed */
  exitCode: number;
}

/** Rejects with the CLI's message on bad input (an unknown rule, a config error, a dirty tree with write). */
export function run(options?: RunOptions): Promise<RunResult>;
