import type { ASTNode, JSCodeshift } from 'jscodeshift';

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

interface CodeSource {
  j: JSCodeshift;
  file: { source: string };
}

// A node's code as the file spells it, for a report: the text between its start and end, so that a
// report reads the same whether the tree came from recast or from a plain parse (see runCodemods).
// A node a transform made has no position in the file and is printed instead, without its comments.
export function codeOf(ctx: CodeSource, node: any): string {
  if (typeof node?.start === 'number' && typeof node.end === 'number' && node.end <= ctx.file.source.length) return ctx.file.source.slice(node.start, node.end);
  const comments = node.comments;
  node.comments = null;
  const text = ctx.j(node).toSource();
  node.comments = comments;
  return text;
}

// The same on one line, cut at `max` characters.
export function codeLine(ctx: CodeSource, node: any, max = 80): string {
  const line = codeOf(ctx, node).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/** a candidate a transform will not rewrite: the message to report, at `node` */
export interface Refusal<Id extends string> {
  id: Id;
  node: any;
  data?: Record<string, string>;
}

function isRefusal<Id extends string>(decision: object): decision is Refusal<Id> {
  return 'id' in decision;
}

// Transforms decide every candidate first, on the untouched tree, and rewrite after: a decision is a
// plan (kept), a refusal (reported now) or null (not a candidate after all).
export function collectPlans<Plan extends object, Id extends string>(
  ctx: { report(node: any, message: Message, data?: Record<string, string>): void },
  messages: MessageTable<Id>,
): { plans: Plan[]; consider(decision: Plan | Refusal<Id> | null): void } {
  const plans: Plan[] = [];
  return {
    plans,
    consider(decision) {
      if (decision === null) return;
      if (isRefusal<Id>(decision)) ctx.report(decision.node, messages[decision.id], decision.data);
      else plans.push(decision);
    },
  };
}
