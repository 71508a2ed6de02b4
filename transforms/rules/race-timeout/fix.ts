// race-timeout's edits: keep the timer's handle, clear it in `.finally()` on the race, and give a
// losing fetch a signal that the timer aborts after it has settled the race. No decisions here.
import { unwrap } from '../../analysis/tree';
import type { Edit } from '../../engine/edits';
import { objectLiteral } from '../../engine/style';
import { applyEditsInRange, insertAt, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import {
  type Layout,
  appendArgument,
  appendProperty,
  appendToFunction,
  deleteStatement,
  expressionBodyToBlock,
  insertLinesBefore,
  semi,
  statement,
} from '../../edit/layout';
import { declareController, declareHandle } from '../../edit/code';
import type { RacePlan } from './analyze';

/** what a fix of a race declares, edits, and runs once the race settles; another rule may add to it */
export interface RaceFixParts {
  declarations: string[];
  inner: Edit[];
  /** statements for `.finally(() => …)` on the race */
  settled: string[];
  /** code chained after that `.finally(…)` (or right on the race when nothing is settled) */
  after?: string[];
}

export function fixRace(plan: RacePlan, context: FixContext): Edit[] {
  return assembleRaceFix(plan.site.node, plan.placement, raceFixParts(plan, context), context);
}

// Promise.race([...]).finally(() => clearTimeout(timerHandle)), with the declarations before the
// statement (or first in an arrow body that becomes a block)
export function assembleRaceFix(race: any, placement: RacePlan['placement'], parts: RaceFixParts, context: FixContext): Edit[] {
  const { facts } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  // one statement on the line; more, a block as a formatter lays it out
  const outer = layout.text.indentOf(race.end);
  const eol = layout.text.terminatorNear(race.end);
  const settled =
    parts.settled.length === 1 ? `() => ${parts.settled[0]}` : `() => {${eol}${parts.settled.map((line) => `${outer}${style.indent}${statement(style, line)}`).join(eol)}${eol}${outer}}`;
  const chained = (parts.settled.length > 0 ? `.finally(${settled})` : '') + (parts.after ?? []).join('');
  const inner = [...breakListIfMultiline(layout, race, parts.inner), insertAt(race.end, chained)];
  if (parts.declarations.length === 0) return inner;
  if (placement.kind === 'statement') return [insertLinesBefore(layout, placement.statement, parts.declarations), ...inner];
  return [expressionBodyToBlock(layout, placement.arrow, parts.declarations, (body) => statement(style, `return ${body}`), [], inner)];
}

// `Promise.race([a, b])` on one line whose arm becomes several lines: the list is broken one arm a
// line, as a formatter lays it out, instead of a block hugged inside an inline list.
function breakListIfMultiline(layout: Layout, race: any, edits: Edit[]): Edit[] {
  const { text, style } = layout;
  const source = text.text;
  const list = unwrap(race.arguments[0]);
  if (list?.type !== 'ArrayExpression' || list.elements.length < 2 || list.elements.some((element: any) => element === null)) return edits;
  if (/[\n\r\u2028\u2029]/.test(source.slice(list.start, list.end))) return edits;
  const inside = edits.filter((edit) => edit.start >= list.start && edit.end <= list.end);
  if (!inside.some((edit) => /[\n\r]/.test(edit.text))) return edits;
  // every edit inside the list must fall inside one of its elements
  const of = (element: any) => inside.filter((edit) => edit.start >= element.start && edit.end <= element.end);
  if (list.elements.reduce((count: number, element: any) => count + of(element).length, 0) !== inside.length) return edits;
  const indent = text.indentOf(list.start);
  const eol = text.terminatorNear(list.start);
  const unit = style.indent;
  const lines = list.elements.map((element: any) => {
    const elementText = applyEditsInRange(source, element.start, element.end, of(element)).text;
    return `${indent}${unit}${elementText.split(/\r\n|\n/).join(`${eol}${unit}`)}`;
  });
  const relaid = `[${eol}${lines.join(`,${eol}`)}${style.trailingCommas ? ',' : ''}${eol}${indent}]`;
  return [...edits.filter((edit) => !inside.includes(edit)), replaceRange(list.start, list.end, relaid)];
}

export function raceFixParts(plan: RacePlan, context: FixContext): RaceFixParts {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  const owner = plan.placement.owner;
  const declarations: string[] = [];
  const inner: Edit[] = [];
  const timer = plan.timer;
  let settled: string;

  if (timer.kind === 'executor') {
    const handle = timer.existing ?? names.allocate('timerHandle', owner);
    const controller = plan.fetches.length > 0 ? names.allocate('fetchController', owner) : undefined;
    if (!timer.existing) {
      declarations.push(declareHandle(style, facts.typescript, handle, timer.typeQuery));
      inner.push(...captureHandle(layout, timer.arm, handle, controller, declarations));
    } else if (controller) {
      inner.push(...abortFromTimer(layout, timer.arm, controller, declarations));
    }
    if (controller) for (const call of plan.fetches) inner.push(signalForFetch(layout, call, controller));
    settled = `${timer.clear}(${handle})`;
    for (const clear of timer.redundantClears) inner.push(deleteStatement(layout, clear));
  } else if (timer.kind === 'sleep') {
    const controller = names.allocate('timerController', owner);
    declarations.push(declareController(style, controller));
    inner.push(signalForSleep(layout, timer.call, controller));
    settled = `${controller}.abort()`;
  } else {
    const handle = names.allocate('timerHandle', owner);
    // the new executor's own parameter: only what its one statement spells can be captured by it
    const spelled = new Set([handle, timer.timerCallee, ...facts.tree.within(timer.call.arguments[0], 'Identifier').map((id: any) => id.name)]);
    const resolve = spelled.has('resolve') ? names.allocate('resolve', owner) : 'resolve';
    declarations.push(declareHandle(style, facts.typescript, handle, timer.typeQuery));
    inner.push(inlineHelper(layout, timer, handle, resolve, facts.typescript));
    settled = `${timer.clear}(${handle})`;
  }
  return { declarations, inner, settled: [settled] };
}

// `(_, reject) => setTimeout(…)` → `(_, reject) => {\n  h = setTimeout(…);\n}`; `setTimeout(…);` →
// `h = setTimeout(…);`; `const id = setTimeout(…);` → `h = setTimeout(…);`. With a fetch to abort,
// the timer's callback also gets `controller.abort()` after its settle call.
function captureHandle(layout: Layout, arm: Extract<RacePlan['timer'], { kind: 'executor' }>['arm'], handle: string, controller: string | undefined, declarations: string[]): Edit[] {
  const { style } = layout;
  const timer = arm.timer;
  const executor = arm.executor;
  const callbackEdits = controller ? abortFromTimer(layout, arm, controller, declarations) : [];
  if (timer.capture.kind === 'declared') {
    const declaration = timer.capture.statement;
    return [replaceRange(declaration.start, timer.expression.start, `${handle} = `), ...callbackEdits];
  }
  if (executor.body.type === 'BlockStatement') return [insertAt(timer.expression.start, `${handle} = `), ...callbackEdits];
  const newPromise = arm.newPromise;
  return [
    expressionBodyToBlock(
      layout,
      executor,
      [],
      (body) => statement(style, `${handle} = ${body}`),
      [],
      callbackEdits,
      newPromise,
    ),
  ];
}

function abortFromTimer(layout: Layout, arm: Extract<RacePlan['timer'], { kind: 'executor' }>['arm'], controller: string, declarations: string[]): Edit[] {
  declarations.push(declareController(layout.style, controller));
  return [appendToFunction(layout, arm.timer.callback, [`${controller}.abort()${semi(layout.style)}`])];
}

// fetch(url) → fetch(url, { signal: c.signal }); fetch(url, { method }) → fetch(url, { method, signal: c.signal })
function signalForFetch(layout: Layout, call: any, controller: string): Edit {
  const signal = `signal: ${controller}.signal`;
  const init = unwrap(call.arguments[1]);
  return init ? appendProperty(layout, init, signal) : appendArgument(layout, call, objectLiteral(layout.style, signal));
}

function signalForSleep(layout: Layout, call: any, controller: string): Edit {
  const signal = `signal: ${controller}.signal`;
  const [, value, options] = call.arguments;
  if (options) return appendProperty(layout, unwrap(options), signal);
  if (!value) return appendArgument(layout, call, `undefined, ${objectLiteral(layout.style, signal)}`);
  return appendArgument(layout, call, objectLiteral(layout.style, signal));
}

// `delay(100)` → `new Promise<void>((resolve) => {\n  h = setTimeout(resolve, 100);\n})`
function inlineHelper(layout: Layout, timer: Extract<RacePlan['timer'], { kind: 'inline-helper' }>, handle: string, resolve: string, typescript: boolean): Edit {
  const { text, style } = layout;
  const call = timer.call;
  const outer = text.indentOf(call.start);
  const eol = text.terminatorNear(call.start);
  const ms = text.text.slice(call.arguments[0].start, call.arguments[0].end);
  const settle = timer.inner.timer.callback?.type === 'Identifier' ? resolve : `() => ${resolve}()`;
  const typeArgument = typescript ? `<${valueType(layout, timer)}>` : '';
  const body = `${outer}${style.indent}${statement(style, `${handle} = ${timer.timerCallee}(${settle}, ${ms})`)}`;
  return replaceRange(call.start, call.end, `new Promise${typeArgument}((${resolve}) => {${eol}${body}${eol}${outer}})`);
}

// The helper's value type: its `new Promise<T>`, its `Promise<T>` return type, or `unknown`.
function valueType(layout: Layout, timer: Extract<RacePlan['timer'], { kind: 'inline-helper' }>): string {
  const source = layout.text.text;
  const own = (timer.inner.newPromise.typeArguments ?? timer.inner.newPromise.typeParameters)?.params;
  if (own?.length === 1) return source.slice(own[0].start, own[0].end);
  const returnType = timer.helper.fn.returnType?.typeAnnotation;
  const params = (returnType?.typeArguments ?? returnType?.typeParameters)?.params;
  if (returnType?.type === 'TSTypeReference' && returnType.typeName?.name === 'Promise' && params?.length === 1) return source.slice(params[0].start, params[0].end);
  return 'unknown';
}
