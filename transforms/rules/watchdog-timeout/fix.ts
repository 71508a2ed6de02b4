// watchdog-timeout's edits: the statements between the timer and its clear go into a try block, and
// the clear, with the comment lines above it, into its finally.
import { type Edit, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import { type Layout, leadingCommentsStart, wrapInTryFinally } from '../../edit/layout';
import type { WatchdogPlan } from './analyze';

export function fixWatchdog(plan: WatchdogPlan, context: FixContext): Edit[] {
  const { facts } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const statement = plan.clearStatement;
  const from = leadingCommentsStart(layout, statement);
  const comments = layout.text.text
    .slice(from, layout.text.lineStartOf(statement.start))
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line.startsWith('*') ? ` ${line}` : line));
  // one edit from the first statement between to the clear's line: the lines between the last of
  // them and the clear (blank ones, the clear's comments) go with it, so the try's `}` takes its place
  const wrap = wrapInTryFinally(layout, plan.region, [...comments, facts.textOf(statement)], [], context.project().blankLineAfterBlock);
  return [replaceRange(wrap.start, layout.text.lineEndOf(statement.end), wrap.text)];
}
