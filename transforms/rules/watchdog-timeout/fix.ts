// watchdog-timeout's edits: the statements between the timer and its clear go into a try block, and
// the clear, with the comments above it and after it on its line, into its finally.
import { type Edit, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import { type Layout, blankLineAfter, wrapInTryFinally } from '../../edit/layout';
import type { WatchdogPlan } from './analyze';

export function fixWatchdog(plan: WatchdogPlan, context: FixContext): Edit[] {
  const { facts } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { text } = layout;
  const statement = plan.clearStatement;
  // the comment lines above the clear, each as written (two comments on one line stay on one;
  // analyze refuses a comment over lines), and the clear with the comments after it on its line
  const comments = [...new Set(plan.comments.map((comment: any) => text.lineStartOf(comment.start)))].map((start) => facts.text.slice(start, text.lineEndOf(start)).trimStart());
  // to the line's end: a line comment holds its trailing spaces
  const clearLine = facts.text.slice(statement.start, text.lineEndOf(statement.end));
  // one edit from the first statement between to the clear's line: the lines between the last of
  // them and the clear (blank ones, the clear's comments) go with it, so the try's `}` takes its place
  const wrap = wrapInTryFinally(layout, plan.region, [...comments, clearLine]);
  const end = text.lineEndOf(statement.end);
  return [replaceRange(wrap.start, end, wrap.text + blankLineAfter(layout, end, context.project().blankLineAfterBlock))];
}
