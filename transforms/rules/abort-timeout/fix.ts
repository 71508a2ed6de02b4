// abort-timeout's edits: keep the handle, and clear it on every exit from the statements that use
// the signal — a try/finally around them, the lone try's own finally, or `.finally()` on a returned
// chain; or, as an opt-in, `AbortSignal.timeout(ms)` in place of the controller and its timer.
import { propertyName } from '../../analysis/resolve';
import { unwrap } from '../../analysis/tree';
import { type Edit, insertAt, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import { type Layout, deleteStatement, isDroppable, leadingCommentLines, semi, wrapInTryFinally } from '../../edit/layout';
import { onSettled } from '../../edit/code';
import { closeAndOpen } from '../../engine/style';
import type { AbortPlan } from './analyze';

export function fixAbort(plan: AbortPlan, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style, text } = layout;
  const site = plan.site;
  const fn = facts.tree.functionOf(site.timerStatement);
  if (plan.useSignalTimeout) return toSignalTimeout(layout, plan, names.allocate('timeoutSignal', fn));

  const edits: Edit[] = [];
  const handle = plan.handleName ?? names.allocate('timerHandle', fn);
  // const timerHandle = setTimeout(() => controller.abort(), ms);
  if (!plan.handleName) edits.push(insertAt(site.timer.expression.start, `const ${handle} = `));
  const clear = `${plan.clear}(${handle})${semi(style)}`;
  if (plan.returnedChain) {
    // return fetch(...).then(...).finally(() => clearTimeout(timerHandle));
    edits.push(insertAt(plan.returnedChain.end, onSettled(layout, context.project(), [`${plan.clear}(${handle})`], plan.returnedChain.end, false, plan.returnedChain.end)));
    return edits;
  }
  const region = plan.list.slice(plan.regionStart);
  // a lone `try { … } catch { … }` after the timer takes the finally itself
  if (region.length === 1 && region[0].type === 'TryStatement' && !region[0].finalizer) {
    const tryStatement = region[0];
    const indent = text.indentOf(tryStatement.start);
    const eol = text.terminatorNear(tryStatement.start);
    edits.push(insertAt(tryStatement.end - 1, `${closeAndOpen(style, 'finally', indent, eol)}${eol}${indent}${style.indent}${clear}${eol}${indent}`));
    return edits;
  }
  // the comment above a clear that goes moves with it into the finally
  // (line comments only: a block comment's inner lines would be re-indented; the clear then stays)
  const comments = plan.redundantClear && isDroppable(layout, region, plan.redundantClear) ? leadingCommentLines(layout, plan.redundantClear) : [];
  const movable = comments.every((line) => line.startsWith('//'));
  const drop = plan.redundantClear && movable ? [plan.redundantClear] : [];
  edits.push(wrapInTryFinally(layout, region, [...(movable ? comments : []), clear], drop, context.project().blankLineAfterBlock));
  return edits;
}

function toSignalTimeout(layout: Layout, plan: AbortPlan, signalName: string): Edit[] {
  const site = plan.site;
  const edits: Edit[] = [];
  const declarator = site.controllerStatement.declarations[0];
  // const timeoutSignal = AbortSignal.timeout(ms);
  const delay = layout.text.text.slice(site.timer.delay.start, site.timer.delay.end);
  edits.push(replaceRange(declarator.start, declarator.end, `${signalName} = AbortSignal.timeout(${delay})`));
  // controller.signal → timeoutSignal
  for (const reference of site.controller!.references) {
    const member = layout.tree.parent(reference.node);
    if (layout.tree.isInside(reference.node, site.abortCall) || propertyName(member) !== 'signal') continue;
    edits.push(replaceRange(member.start, member.end, signalName));
  }
  edits.push(deleteStatement(layout, site.timerStatement));
  void unwrap;
  return edits;
}
