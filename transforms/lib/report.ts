import type { ASTNode } from 'jscodeshift';

// Every message a transform can report, in one table per transform (as ESLint rules keep `messages`).
// Rendered as `path:line:col: what — why — how to fix`, one line per site.
export interface Message {
  what: string;
  why: string;
  fix: string;
  /** 'note' for a site that is already safe: printed, but not a finding (`--check` ignores it) */
  severity?: 'warning' | 'note';
}

export type MessageTable<Id extends string> = Record<Id, Message>;

export interface Site {
  path: string;
  line: number;
  column: number;
}

export function siteOf(path: string, node: ASTNode | null | undefined): Site {
  const start = (node as { loc?: { start: { line: number; column: number } } } | null | undefined)?.loc?.start;
  // Columns are 1-based, as editors and compilers print them.
  return { path, line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}

// `{name}` placeholders in a message are filled from `data`, so one table entry serves every site.
export function formatReport(site: Site, message: Message, data: Record<string, string> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (placeholder, key: string) => data[key] ?? placeholder);
  return `${site.path}:${site.line}:${site.column}: ${fill(message.what)} — ${fill(message.why)} — ${fill(message.fix)}`;
}
