// executor-timeout's edits: keep the timer's handle, clear it in `.finally()` on the promise, and
// give a losing fetch a signal that the timer aborts after it has settled the promise.
import { unwrap } from '../../analysis/tree';
import { type Edit, insertAt, replaceRange } from '../../engine/edits';
import { objectLiteral } from '../../engine/style';
import type { FixContext } from '../../engine/rule';
import { declareController, declareHandle, onSettled } from '../../edit/code';
import { type Layout, appendArgument, appendProperty, appendToFunction, expressionBodyToBlock, insertLinesBefore, prependToFunction, semi, statement, wrapInTryFinally } from '../../edit/layout';
import type { ExecutorPlan } from './analyze';

export function fixExecutor(plan: ExecutorPlan, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  const site = plan.site;
  const timer = site.timer!;
  const owner = plan.placement.owner;
  const declarations: string[] = [];
  const inner: Edit[] = [];
  const rejectName = site.reject?.name;
  // clearInterval(poll) and the kept entry's delete, first thing in the timer's callback
  const releases = [
    ...plan.intervals.map((name) => `clearInterval(${name})${semi(style)}`),
    ...plan.entries.flatMap((entry) => [`if (${entry.store}.get(${entry.key}) === ${entry.callback}) {`, `${style.indent}${entry.store}.delete(${entry.key})${semi(style)}`, '}']),
  ];
  const intervalClears = releases.length > 0 ? [prependToFunction(layout, timer.callback, releases)] : [];
  if (plan.onlySettle) return [...intervalClears, ...plan.settleRejections.map((then) => insertAt(then.arguments[0].end, `, ${rejectName}`))];
  if (plan.onlyHeld) return intervalClears;
  if (plan.caught) {
    // `error`, or `err` where the executor has an `error` of its own (a callback's parameter)
    let error = names.allocate('error', site.executor);
    if (error !== 'error') {
      const short = names.allocate('err', site.executor);
      if (short === 'err') error = short;
    }
    return [wrapInTryFinally(layout, plan.caught.statements, [`${plan.clear}(${plan.handle.kind === 'existing' ? plan.handle.name : ''})${semi(style)}`, `throw ${error}${semi(style)}`], [], false, `catch (${error})`)];
  }

  let handle: string;
  if (plan.handle.kind === 'existing') {
    handle = plan.handle.name;
  } else {
    handle = plan.handle.kind === 'moved' ? plan.handle.name : names.allocate('timerHandle', owner);
    declarations.push(declareHandle(style, facts.typescript, handle, plan.typeQuery));
    const declaration = plan.handle.kind === 'moved' ? plan.handle.declaration : plan.handle.declaration;
    // `const id = setTimeout(...)` → `timerHandle = setTimeout(...)`; `setTimeout(...)` → `timerHandle = setTimeout(...)`
    if (declaration) inner.push(replaceRange(declaration.start, timer.expression.start, `${handle} = `));
    else inner.push(insertAt(timer.expression.start, `${handle} = `));
  }
  if (plan.fetch) {
    const controller = names.allocate('fetchController', owner);
    declarations.push(declareController(style, controller));
    const signal = `signal: ${controller}.signal`;
    const init = unwrap(plan.fetch.arguments[1]);
    inner.push(init ? appendProperty(layout, init, signal) : appendArgument(layout, plan.fetch, objectLiteral(style, signal)));
    // after the settle call: the promise holds the timeout's outcome when the fetch rejects with its AbortError
    inner.push(appendToFunction(layout, timer.callback, [`${controller}.abort()${semi(style)}`]));
  }
  inner.push(...intervalClears);
  for (const then of plan.settleRejections) inner.push(insertAt(then.arguments[0].end, `, ${rejectName}`));
  if (plan.typeArgument) inner.push(insertAt(site.node.callee.end, `<${plan.typeArgument}>`));
  // new Promise(...).finally(() => clearTimeout(timerHandle))
  inner.push(insertAt(site.node.end, onSettled(layout, context.project(), [`${plan.clear}(${handle})`], site.node.start, false, site.node.end)));

  if (declarations.length === 0) return inner;
  if (plan.placement.kind === 'statement') return [insertLinesBefore(layout, plan.placement.statement, declarations), ...inner];
  return [expressionBodyToBlock(layout, plan.placement.arrow, declarations, (body) => statement(style, `return ${body}`), [], inner)];
}
