// Findings are data from the rule to the edge: a rule id, a message id with its data, a status and
// where. Only renderFinding (CLI lines, jscodeshift's api.report) and the CLI's JSON and SARIF
// writers turn one into text; nothing parses that text back.
import type { Position } from './source';

export type Severity = 'error' | 'warning' | 'note';

/**
 * fixed:   a leak this run rewrites (in a dry run: would rewrite)
 * refused: a leak left for a person, with the precondition of a safe rewrite that failed
 * unknown: a site whose release on every path cannot be judged from here (it may be safe)
 * safe:    every resource is released on every path
 * crashed: the analysis or the fix of this site threw; the rest of the file went on
 */
export type Status = 'fixed' | 'refused' | 'unknown' | 'safe' | 'crashed';

export interface Message {
  what: string;
  why: string;
  fix: string;
}

export type MessageTable = Record<string, Message>;

export interface Finding {
  rule: string;
  messageId: string;
  status: Status;
  data: Record<string, string>;
  /** the offsets the finding points at */
  start: number;
  end: number;
  /** the site's anchor: the race, the `new Promise`, the timer, the channel */
  site: { start: number; end: number };
}

export interface LocatedFinding extends Finding {
  path: string;
  position: Position;
  message: Message;
}

export function severityOf(status: Status): Severity {
  if (status === 'safe') return 'note';
  if (status === 'unknown') return 'warning';
  return 'error';
}

// `{name}` placeholders are filled from the finding's data, so one table entry serves every site.
export function fillMessage(message: Message, data: Record<string, string>): Message {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (placeholder, key: string) => data[key] ?? placeholder);
  return { what: fill(message.what), why: fill(message.why), fix: fill(message.fix) };
}

/** `what — why — how to fix` */
export function renderMessage(message: Message): string {
  return `${message.what} — ${message.why} — ${message.fix}`;
}

/** `path:line:col: what — why — how to fix` */
export function renderFinding(finding: LocatedFinding): string {
  return `${finding.path}:${finding.position.line}:${finding.position.column}: ${renderMessage(finding.message)}`;
}
