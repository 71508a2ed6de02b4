// callback-settled's edits: a settled flag and one guarded `doneOnce` that clears the timer, and
// every call of the callback routed through it.
import { type Edit, insertAt, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import { declareHandle } from '../../edit/code';
import { type Layout, insertLinesBefore, statement } from '../../edit/layout';
import type { CallbackPlan } from './analyze';
import { timerTypeQuery } from '../../model/spelling';

export function fixCallback(plan: CallbackPlan, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  const site = plan.site;
  const callback = site.callback.name;
  const settled = names.allocate('settled', site.fn);
  const once = names.allocate(`${callback}Once`, site.fn);
  const handle = plan.handleName ?? names.allocate('timerHandle', site.fn);
  const args = names.allocate('args', site.fn);
  const unit = style.indent;
  const lines: string[] = [statement(style, `let ${settled} = false`)];
  if (!plan.handleName) lines.push(declareHandle(style, facts.typescript, handle, timerTypeQuery(facts, site.timer!)));
  // const doneOnce: typeof done = (...args) => { if (!settled) { settled = true; clearTimeout(h); return done(...args); } };
  lines.push(
    '',
    `const ${once}${facts.typescript ? `: typeof ${callback}` : ''} = (...${args}) => {`,
    `${unit}if (!${settled}) {`,
    `${unit}${unit}${statement(style, `${settled} = true`)}`,
    `${unit}${unit}${statement(style, `clearTimeout(${handle})`)}`,
    `${unit}${unit}${statement(style, `return ${callback}(...${args})`)}`,
    `${unit}}`,
    statement(style, '}'),
    '',
  );
  const edits: Edit[] = [insertLinesBefore(layout, plan.timerStatement, lines)];
  for (const reference of site.references) edits.push(replaceRange(reference.node.start, reference.node.end, once));
  // timerHandle = setTimeout(...)
  if (!plan.handleName) edits.push(insertAt(site.timer!.expression.start, `${handle} = `));
  return edits;
}
