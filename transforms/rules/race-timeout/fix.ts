// race-timeout's edits: keep the timer's handle, clear it in `.finally()` on the race, and give a
// losing fetch a signal that the timer aborts after it has settled the race. No decisions here.
import { unwrap } from '../../analysis/tree';
import type { Edit } from '../../engine/edits';
import { closeAndOpen, detectStyle, lineWidth, objectLiteral } from '../../engine/style';
import { applyEditsInRange, insertAt, replaceRange } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import {
  blankLineAfter,
  bodyOnOwnLine,
  type Layout,
  appendArgument,
  appendProperty,
  appendToFunction,
  deleteStatement,
  expressionBodyToBlock,
  insertLinesBefore,
  leadingCommentsStart,
  reindent,
  semi,
  statement,
} from '../../edit/layout';
import { declareController, declareHandle, onSettled } from '../../edit/code';
import type { RacePlan } from './analyze';
import type { InlinePlan } from '../../model/inline';

/** what a fix of a race declares, edits, and runs once the race settles; another rule may add to it */
export interface RaceFixParts {
  declarations: string[];
  inner: Edit[];
  /** statements for `.finally(() => …)` on the race */
  settled: string[];
  /** code chained after that `.finally(…)` (or right on the race when nothing is settled) */
  after?: string[];
  /** `.finally(() => { … })` even for one call: what it returns must not be waited for */
  settledBlock?: boolean;
  /** a promise class that may lack .finally(): both handlers of .then() */
  thenOnly?: boolean;
  /** never a try/finally around an awaited race: its statement may throw before the race exists,
   * and aborting a helper's signal then would leave its rejection unhandled */
  noTryFinally?: boolean;
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
  const eol = layout.text.terminatorNear(race.end);
  // `await Promise.race(…);` or `return await Promise.race(…);` as a statement of its own: a
  // try/finally around it clears the timer in the same turn the await resumes, with no microtask
  // more than before (`.finally()` adds a few)
  const awaited = awaitingStatement(layout, race);
  if (awaited && parts.settled.length > 0 && (parts.after ?? []).length === 0 && !parts.noTryFinally) {
    const indent = layout.text.indentOf(awaited.start);
    const finals = parts.settled.map((line) => `${indent}${style.indent}${statement(style, line)}`).join(eol);
    // the edits inside the statement go into its new text; those elsewhere (a timer arm held in a
    // const before it, a clear after it that the finally makes redundant) stay as they are
    const edits = breakListIfMultiline(layout, race, parts.inner);
    const within = edits.filter((edit) => edit.start >= awaited.start && edit.end <= awaited.end);
    const elsewhere = edits.filter((edit) => !within.includes(edit));
    const body = reindent(layout, awaited.start, awaited.end, style.indent, within);
    const after = blankLineAfter(layout, awaited.end, context.project().blankLineAfterBlock);
    const wrapped = [...elsewhere, replaceRange(awaited.start, awaited.end, `try {${eol}${indent}${style.indent}${body}${eol}${indent}${closeAndOpen(style, 'finally', indent, eol)}${eol}${finals}${eol}${indent}}${after}`)];
    if (parts.declarations.length === 0) return wrapped;
    // TypeScript cannot see the executor assign the handle before the finally reads it: `let h!: T;`
    const declarations = parts.declarations.map((line) => line.replace(/^let ([\w$]+): ReturnType</, 'let $1!: ReturnType<'));
    if (placement.kind === 'statement') return [insertLinesBefore(layout, placement.statement, declarations), ...wrapped];
  }
  // `.finally(() => clearTimeout(h))`, or what the project allows instead (edit/code.ts onSettled)
  const project = parts.thenOnly ? { ...context.project(), promiseFinally: false } : context.project();
  const listed = breakListIfMultiline(layout, race, parts.inner);
  // on the race's line, or on a line of its own at `indent` where the chain is laid out one call a line
  const chained = (indent?: string) => (parts.settled.length > 0 ? onSettled(layout, project, parts.settled, race.end, parts.settledBlock, race.end, indent) : '') + (parts.after ?? []).join('');
  const expanded = parts.settled.length > 0 ? expandedChain(layout, race, listed, chained) : undefined;
  const inner = bodyOnOwnLine(layout, race, [...listed, expanded ?? insertAt(race.end, chained())]);
  if (parts.declarations.length === 0) return inner;
  if (placement.kind === 'statement') return [insertLinesBefore(layout, placement.statement, parts.declarations), ...inner];
  return [expressionBodyToBlock(layout, placement.arrow, parts.declarations, (body) => statement(style, `return ${body}`), [], inner)];
}

// `Promise.race([…]).then(…)`, the chain going on on the race's line: with `.finally(…)` it is a
// chain of three calls, which Prettier lays out one call a line, one level in from the line the
// race starts on; the lines of the calls after it (a `.then` callback's body) move in with them.
// The edit over the chain after the race, or undefined where it is not so (no call follows on that
// line, a call after it already starts a line, an edit, a comment or a literal over lines in it).
function expandedChain(layout: Layout, race: any, edits: readonly Edit[], settled: (indent: string) => string): Edit | undefined {
  const { text, tree, style } = layout;
  const dots: number[] = [];
  let current = race;
  for (;;) {
    const member = tree.parent(current);
    const call = member && tree.parent(member);
    if (member?.type !== 'MemberExpression' || member.object !== current || member.computed || call?.type !== 'CallExpression' || call.callee !== member) break;
    const dot = text.text.lastIndexOf('.', member.property.start);
    if (dot < current.end || /[\n\r]/.test(text.text.slice(current.end, member.property.start))) return undefined;
    dots.push(dot);
    current = call;
  }
  if (dots.length === 0) return undefined;
  // the chain is what a statement returns, awaits, assigns or declares, starting on its first line
  const top = tree.parent(current)?.type === 'AwaitExpression' ? tree.parent(current) : current;
  const holder = tree.parent(top);
  const statementNode =
    holder?.type === 'ReturnStatement' || holder?.type === 'ExpressionStatement' ? holder
    : holder?.type === 'VariableDeclarator' && holder.init === top ? tree.parent(holder)
    : holder?.type === 'AssignmentExpression' && holder.right === top && tree.parent(holder)?.type === 'ExpressionStatement' ? tree.parent(holder)
    : undefined;
  if (!statementNode || text.lineStartOf(statementNode.start) !== text.lineStartOf(race.start)) return undefined;
  const end = current.end;
  const between = text.text.slice(race.end, end);
  if (/\/\/|\/\*/.test(between) || edits.some((edit) => edit.start < end && edit.end > race.end)) return undefined;
  if ([...tree.overlapping('TemplateLiteral', race.end, end), ...tree.overlapping('StringLiteral', race.end, end), ...tree.overlapping('Literal', race.end, end)].some((node) => /[\n\r]/.test(text.text.slice(node.start, node.end)))) return undefined;
  const indent = text.indentOf(race.start) + style.indent;
  const eol = text.terminatorNear(race.end);
  // each call after the race on a line of its own; the lines of its arguments one level in
  const segments = dots.map((dot, index) => (index < dots.length - 1 ? text.text.slice(dot, dots[index + 1]).replace(/[ \t]+$/, '') : text.text.slice(dot, end)));
  if (text.text.slice(race.end, dots[0]).trim() !== '') return undefined;
  // a call over several lines only as a function's block (`.then((r) => {` … `})`), or with one
  // argument a formatter put alone on its own line to fit it beside the race (`.catch(\n  () => {},\n)`),
  // which is joined again where it then fits, as Prettier joins it (`.catch(() => {})`); arguments
  // broken otherwise Prettier would join in ways this does not follow, and the chain is left alone
  for (const [index, segment] of segments.entries()) {
    const lines = segment.split(/\r\n|\n|\r/);
    if (lines.length === 1 || (/\{\s*$/.test(lines[0]) && /^\s*\}/.test(lines[lines.length - 1]))) continue;
    const lone = /^(\.[A-Za-z_$][\w$]*\()[ \t]*(?:\r\n|\n|\r)[ \t]*([^\r\n]*?),?[ \t]*(?:\r\n|\n|\r)[ \t]*\)$/.exec(segment);
    const joined = lone ? `${lone[1]}${lone[2]})` : undefined;
    const last = index === segments.length - 1 ? text.text.slice(end, text.lineEndOf(end)) : '';
    if (!joined || lineWidth(style, `${indent}${joined}${last}`) > style.printWidth) return undefined;
    segments[index] = joined;
  }
  const relaid = segments.map((segment) => {
    const [first, ...rest] = segment.split(/(\r\n|\n|\r)/);
    return `${eol}${indent}${first}${rest.map((piece, index) => (index % 2 === 1 && piece !== '' ? `${style.indent}${piece}` : piece)).join('')}`;
  });
  return replaceRange(race.end, end, `${settled(indent)}${relaid.join('')}`);
}

// The statement that awaits the race and does nothing else, alone on its lines in a block:
// `await Promise.race(…);` or `return await Promise.race(…);`.
function awaitingStatement(layout: Layout, race: any): any | undefined {
  const { tree, text } = layout;
  let current = race;
  while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(tree.parent(current)?.type)) current = tree.parent(current);
  const awaiting = tree.parent(current);
  if (awaiting?.type !== 'AwaitExpression') return undefined;
  const holder = tree.parent(awaiting);
  const isStatement = (holder?.type === 'ExpressionStatement' && holder.expression === awaiting) || (holder?.type === 'ReturnStatement' && holder.argument === awaiting);
  if (!isStatement || !tree.listOf(holder) || tree.listOf(holder)!.holder.type === 'SwitchCase') return undefined;
  if (!text.startsLine(holder.start) || text.text.slice(holder.end, text.lineEndOf(holder.end)).trim() !== '') return undefined;
  return holder;
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
  // each arm one level in, its own lines with it (never a literal's continuation lines)
  const lines = list.elements.map((element: any) => `${indent}${unit}${reindent(layout, element.start, element.end, unit, of(element))}`);
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

  if (timer.kind === 'owned-cancel') {
    // the cancels run when the race settles, with the comment lines right above each; their
    // statements after the race go in one deletion, so the blank lines around them are kept as one
    const run = { start: timer.statements[0].start, end: timer.statements[timer.statements.length - 1].end };
    const settledLines = timer.statements.flatMap((each: any, index: number) => {
      const from = leadingCommentsStart(layout, each);
      const comments = layout.text.text.slice(from, layout.text.lineStartOf(each.start)).split(/\r\n|\n|\r/).map((line) => line.trim()).filter(Boolean).map((line) => (line.startsWith('*') ? ` ${line}` : line));
      return [...comments, facts.textOf(timer.calls[index])];
    });
    return { declarations, inner: [deleteStatement(layout, run)], settled: settledLines, settledBlock: true };
  }
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
  } else if (timer.kind === 'helper-signal') {
    // sleep(ms) → sleep(ms, timerController.signal), with `undefined` for what the call leaves out before it
    const controller = names.allocate('timerController', owner);
    declarations.push(declareController(style, controller));
    const missing = Array.from({ length: timer.index - timer.call.arguments.length }, () => 'undefined');
    inner.push(appendArgument(layout, timer.call, [...missing, timer.pass === 'signal' ? `${controller}.signal` : controller].join(', ')));
    settled = `${controller}.abort()`;
  } else if (timer.kind === 'helper-linked') {
    // sleep(ms, signal) → sleep(ms, timerController.signal), a signal that follows `signal` until the
    // race settles: aborted with its reason when it aborts, or at once if it has
    const bracelessIf = facts.tree.within(facts.tree.program, 'IfStatement').some((node: any) => node.consequent.type !== 'BlockStatement');
    if (timer.lazy) return lazyLinkParts(context, layout, timer, owner, bracelessIf, !plan.site.builtinPromise, plan.noTryFinally);
    // `opts?.signal`, `this.controller.signal`, `signal as AbortSignal`: read once, into a const
    const caller = timer.capture ? names.allocate('callerSignal', owner) : facts.textOf(timer.signal);
    const controller = names.allocate('timerController', owner);
    const forward = names.allocate('forwardAbort', owner);
    const read = `${caller}${timer.optional ? '?.' : '.'}`;
    const quote = style.quote;
    if (timer.capture) declarations.push(statement(style, `const ${caller} = ${facts.textOf(timer.signal)}`));
    declarations.push(declareController(style, controller));
    declarations.push(...arrowLines(style, context.project().voidArrowShorthand, `const ${forward} = `, `${controller}.abort(${read}reason)`, ''));
    declarations.push(statement(style, `${read}addEventListener(${quote}abort${quote}, ${forward})`));
    declarations.push(...abortedCheckLines(style, bracelessIf, `${read}aborted`, forward, ''));
    inner.push(replaceSignal(facts, timer.signal, `${controller}.signal`));
    return { declarations, inner, settled: [`${controller}.abort()`, `${read}removeEventListener(${quote}abort${quote}, ${forward})`], thenOnly: !plan.site.builtinPromise, noTryFinally: plan.noTryFinally };
  } else if (timer.kind === 'sleep') {
    const controller = names.allocate('timerController', owner);
    declarations.push(declareController(style, controller));
    inner.push(signalForSleep(layout, timer.call, controller));
    settled = `${controller}.abort()`;
  } else {
    // not a name the inlined text declares (`new Promise((timerHandle) => …)` would capture it)
    let handle = names.allocate('timerHandle', owner);
    while (timer.inline.declared.has(handle)) handle = names.allocate('timerHandle', owner);
    declarations.push(declareHandle(style, facts.typescript, handle, timer.typeQuery));
    inner.push(replaceRange(timer.call.start, timer.call.end, renderInline(layout, timer.inline, handle)));
    settled = `${timer.clear}(${handle})`;
  }
  return { declarations, inner, settled: [settled], thenOnly: !plan.site.builtinPromise, noTryFinally: plan.noTryFinally };
}

// `const f = () => c.abort();`, or over three lines where the project forbids a void call as an
// arrow's body (and a block on one line)
function arrowLines(style: Layout['style'], shorthand: boolean, head: string, call: string, indent: string): string[] {
  if (shorthand) return [`${indent}${statement(style, `${head}() => ${call}`)}`];
  return [`${indent}${head}() => {`, `${indent}${style.indent}${statement(style, call)}`, `${indent}${statement(style, '}')}`];
}

// `if (signal?.aborted) forwardAbort();` as the file writes an `if`: braces or none
function abortedCheckLines(style: Layout['style'], braceless: boolean, test: string, forward: string, indent: string): string[] {
  if (braceless) return [`${indent}${statement(style, `if (${test}) ${forward}()`)}`];
  return [`${indent}if (${test}) {`, `${indent}${style.indent}${statement(style, `${forward}()`)}`, `${indent}}`];
}

// The signal the helper is given, in its place: `{ signal }` becomes `{ signal: text }`
function replaceSignal(facts: FixContext['facts'], signal: any, text: string): Edit {
  const property = facts.tree.parent(signal);
  if (property?.shorthand && property.value === signal) return replaceRange(property.start, property.end, `signal: ${text}`);
  return replaceRange(signal.start, signal.end, text);
}

// `sleep(ms, signal)` where code runs before the call, or the race may not run: the signal is followed
// from the call on, by a function that takes it there and gives the race's own signal back:
//   const timerController = new AbortController();
//   let stopFollowing: (() => void) | undefined;
//   const followSignal = (signal?: AbortSignal | null) => {
//     const forwardAbort = () => timerController.abort(signal?.reason);
//     signal?.addEventListener('abort', forwardAbort);
//     if (signal?.aborted) forwardAbort();
//     stopFollowing = () => signal?.removeEventListener('abort', forwardAbort);
//     return timerController.signal;
//   };
// with `sleep(ms, followSignal(signal))`, and `timerController.abort(); stopFollowing?.();` on settling.
function lazyLinkParts(context: FixContext, layout: Layout, timer: Extract<RacePlan['timer'], { kind: 'helper-linked' }>, owner: any, bracelessIf: boolean, thenOnly: boolean, noTryFinally?: boolean): RaceFixParts {
  const { facts, names } = context;
  const { style } = layout;
  const unit = style.indent;
  const quote = style.quote;
  const controller = names.allocate('timerController', owner);
  const stop = names.allocate('stopFollowing', owner);
  const follow = names.allocate('followSignal', owner);
  const param = facts.typescript ? 'signal?: AbortSignal | null' : 'signal';
  const voidArrow = context.project().voidArrowShorthand;
  const removal = `signal?.removeEventListener(${quote}abort${quote}, forwardAbort)`;
  const declarations = [
    declareController(style, controller),
    // no empty function to start with (no-empty-function): called with `?.()` when the race settles
    statement(style, facts.typescript ? `let ${stop}: (() => void) | undefined` : `let ${stop}`),
    `const ${follow} = (${param}) => {`,
    ...arrowLines(style, voidArrow, 'const forwardAbort = ', `${controller}.abort(signal?.reason)`, unit),
    `${unit}${statement(style, `signal?.addEventListener(${quote}abort${quote}, forwardAbort)`)}`,
    ...abortedCheckLines(style, bracelessIf, 'signal?.aborted', 'forwardAbort', unit),
    ...arrowLines(style, voidArrow, `${stop} = `, removal, unit),
    `${unit}${statement(style, `return ${controller}.signal`)}`,
    statement(style, '}'),
  ];
  const inner = [replaceSignal(facts, timer.signal, `${follow}(${facts.textOf(timer.signal)})`)];
  return { declarations, inner, settled: [`${controller}.abort()`, `${stop}?.()`], thenOnly, noTryFinally };
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

// `delay(100)` → the helper's own expression with its arguments in place and a handle on its timer:
// `new Promise<void>((resolve) => {\n  h = setTimeout(resolve, 100);\n})`, indented where it goes.
function renderInline(layout: Layout, plan: InlinePlan, handle: string): string {
  const { style } = layout;
  const home = plan.home;
  const source = home.text;
  const homeStyle = home.text === layout.text.text ? style : detectStyle(home.file.program, home.text, home.path);
  const edits: Edit[] = plan.substitutions.map(({ node, text }) => replaceRange(node.start, node.end, text));
  if (plan.typeArgument) edits.push(insertAt(plan.typeArgument.at, `<${plan.typeArgument.text}>`));
  const timer = plan.timer.expression;
  const body = plan.executor.body;
  if (body === timer) {
    // `(resolve) => setTimeout(…)` → `(resolve) => {\n  h = setTimeout(…);\n}`, in the helper's frame
    const inside = edits.filter((edit) => edit.start >= timer.start && edit.end <= timer.end);
    const call = applyEditsInRange(source, timer.start, timer.end, inside).text;
    const outer = home.source.indentOf(plan.executor.start);
    const eol = home.source.terminatorNear(plan.executor.start);
    const block = `{${eol}${outer}${homeStyle.indent}${statement(style, `${handle} = ${call}`)}${eol}${outer}}`;
    edits.splice(0, edits.length, ...edits.filter((edit) => !inside.includes(edit)), replaceRange(body.start, body.end, block));
  } else {
    edits.push(insertAt(timer.start, `${handle} = `));
  }
  const text = applyEditsInRange(source, plan.returned.start, plan.returned.end, edits).text;
  const placed = reframe(text, home.source.indentOf(plan.returned.start), homeStyle.indent, layout.text.indentOf(plan.call.start), style.indent, layout.text.terminatorNear(plan.call.start));
  const bare = ['NewExpression', 'CallExpression', 'Identifier', 'MemberExpression'].includes(unwrap(plan.returned).type);
  return bare ? placed : `(${placed})`;
}

// Lines after the first move from the helper's indentation (`from`, in units of `fromUnit`) to the
// site's (`to`, in units of `toUnit`), with the site's line terminator.
function reframe(text: string, from: string, fromUnit: string, to: string, toUnit: string, eol: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  const width = (indent: string) => [...indent].reduce((sum, char) => sum + (char === '\t' ? fromUnit.length || 2 : 1), 0);
  const unit = fromUnit === '\t' ? 1 : Math.max(1, fromUnit.length);
  return lines
    .map((line, index) => {
      if (index === 0 || line.trim() === '') return line.trim() === '' && index > 0 ? '' : line;
      const indent = /^[ \t]*/.exec(line)![0];
      const relative = Math.max(0, (fromUnit === '\t' ? [...indent].filter((char) => char === '\t').length - [...from].filter((char) => char === '\t').length : width(indent) - width(from)) / unit);
      return `${to}${toUnit.repeat(Math.round(relative))}${line.slice(indent.length)}`;
    })
    .join(eol);
}
