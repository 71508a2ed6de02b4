// listener-timeout's edits. In an executor: one `cleanup()` that clears the timer and removes every
// listener, called by each handler (named, so it can be removed) before it settles, and by the
// timer after it has settled. For `events.once()` in a race: a signal aborted when the race settles.
import { unwrap } from '../../analysis/tree';
import { isStringLiteral } from '../../analysis/resolve';
import { type Edit, applyEditsInRange, insertAt, replaceRange } from '../../engine/edits';
import { objectLiteral } from '../../engine/style';
import type { FixContext } from '../../engine/rule';
import { declareController, declareHandle, onSettled } from '../../edit/code';
import { type Layout, appendArgument, appendToFunction, expressionBodyToBlock, insertLinesBefore, semi, statement } from '../../edit/layout';
import { assembleRaceFix, raceFixParts } from '../race-timeout/fix';
import { fixExecutor as fixTimerOf } from '../executor-timeout/fix';
import { timerTypeQuery } from '../../model/spelling';
import type { ListenerPlan, Registration, TimerRemoval } from './analyze';

export function fixListener(plan: ListenerPlan, context: FixContext): Edit[] {
  if (plan.kind === 'timer-only') return fixTimerOf(plan.executor, context);
  if (plan.kind === 'timer-removals') return fixTimerRemovals(plan, context);
  if (plan.kind === 'event-clears') return fixEventClears(plan, context);
  if (plan.kind === 'event-removals') return fixEventRemovals(plan, context);
  if (plan.kind === 'property-nulls') return fixPropertyNulls(plan, context);
  return plan.kind === 'executor' ? fixExecutor(plan, context) : fixOnceRace(plan, context);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// `'ready'` → onReady, `'data-ready'` → onDataReady; anything else → onEvent.
function handlerBaseName(event: any): string {
  if (!isStringLiteral(event)) return 'onEvent';
  const words = String(event.value).split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0 || /^[0-9]/.test(words[0])) return 'onEvent';
  return `on${words.map(capitalize).join('')}`;
}

function fixExecutor(plan: Extract<ListenerPlan, { kind: 'executor' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style, text } = layout;
  const site = plan.site;
  const executor = site.executor;
  const timer = site.timer!;
  const unit = style.indent;
  const edits: Edit[] = [];
  const handle = plan.clearTimer ? names.allocate('timerHandle', executor) : undefined;
  const cleanup = names.allocate('cleanup', executor);
  const handlerNames = plan.registrations.map((registration) => (registration.handler.kind === 'settle' || true ? names.allocate(handlerBaseName(registration.listener.event), executor) : ''));

  // let timerHandle; const cleanup = () => { clearTimeout(timerHandle); emitter.removeListener('ready', onReady); };
  const top: string[] = [];
  // typed by what arms it: `window.setTimeout` gives a number, Node's a Timeout
  if (handle) top.push(declareHandle(style, facts.typescript, handle, timerTypeQuery(facts, timer)));
  top.push(`const ${cleanup} = () => {`);
  if (handle) top.push(`${unit}${statement(style, `clearTimeout(${handle})`)}`);
  plan.registrations.forEach((registration, index) => top.push(`${unit}${statement(style, removal(layout, registration, handlerNames[index]))}`));
  top.push(statement(style, '}'));
  edits.push(insertLinesBefore(layout, executor.body.body[0], top));

  plan.registrations.forEach((registration, index) => {
    const name = handlerNames[index];
    const listener = registration.listener;
    let hoisted: string;
    if (registration.handler.kind === 'settle') {
      // const onReady = (...args) => { cleanup(); resolve(...args); };
      const args = names.allocate('args', executor);
      const rest = facts.typescript ? `...${args}: Parameters<typeof ${registration.handler.name}>` : `...${args}`;
      hoisted = [`const ${name} = (${rest}) => {`, `${unit}${statement(style, `${cleanup}()`)}`, `${unit}${statement(style, `${registration.handler.name}(...${args})`)}`, statement(style, '}')].join('\n');
      edits.push(insertLinesBefore(layout, listener.statement, hoisted.split('\n')));
    } else {
      const handler = registration.handler.node;
      edits.push(insertLinesBefore(layout, listener.statement, inlineWithCleanup(layout, handler, cleanup, name, parameterTypeEdits(facts, handler))));
    }
    edits.push(replaceRange(listener.handler.start, listener.handler.end, name));
  });

  // timerHandle = setTimeout(() => { reject(err); cleanup(); }, ms): the removal after the timer has settled the promise
  if (handle) edits.push(insertAt(timer.expression.start, `${handle} = `));
  edits.push(appendToFunction(layout, timer.callback, [`${cleanup}()${semi(style)}`]));
  void text;
  return edits;
}

// emitter.removeListener('ready', onReady)
function removal(layout: Layout, registration: Registration, handlerName: string): string {
  const listener = registration.listener;
  const source = layout.text.text;
  const target = source.slice(unwrap(listener.target).start, unwrap(listener.target).end);
  const event = source.slice(listener.event.start, listener.event.end);
  return `${target}.${registration.remover}(${event}, ${handlerName})`;
}

// `const onReady = <handler>;` with `cleanup();` first in the handler, as lines for the line of the
// statement it goes above: an expression body becomes a block; a block body keeps its lines, which
// already sit at the statement's indentation plus their own.
function inlineWithCleanup(layout: Layout, handler: any, cleanup: string, name: string, typed: readonly Edit[] = []): string[] {
  const { style, text } = layout;
  const source = text.text;
  const unit = style.indent;
  const call = statement(style, `${cleanup}()`);
  const slice = (start: number, end: number) => applyEditsInRange(source, start, end, typed.filter((edit) => edit.start >= start && edit.end <= end)).text;
  if (handler.body.type !== 'BlockStatement') {
    // up to the arrow itself: a body in parentheses, `(v) => (resolve(v))`, loses them in the block
    const afterHead = handler.returnType?.end ?? handler.params.at(-1)?.end ?? handler.start;
    const head = `${slice(handler.start, source.indexOf('=>', afterHead) + 2)} `;
    const body = source.slice(handler.body.start, handler.body.end);
    return [`const ${name} = ${head}{`, `${unit}${call}`, `${unit}${statement(style, body)}`, statement(style, '}')];
  }
  const statementIndent = text.indentOf(handler.start);
  const strip = (line: string) => (line.startsWith(statementIndent) ? line.slice(statementIndent.length) : line.trimStart());
  const lines = slice(handler.start, handler.end).split(/\r\n|[\n\r]/);
  const first = handler.body.body[0];
  const inner = first ? strip(text.indentOf(first.start)) : unit;
  if (lines.length === 1) {
    // `() => { reject(err); }` on one line
    return [`const ${name} = ${slice(handler.start, handler.body.start + 1)} ${call}${source.slice(handler.body.start + 1, handler.end)}${semi(style)}`];
  }
  const [opening, ...rest] = lines;
  return [`const ${name} = ${opening}`, `${inner}${call}`, ...rest.slice(0, -1).map(strip), `${strip(rest[rest.length - 1])}${semi(style)}`];
}

// `const timerHandle = setTimeout(…)` (a handle the code keeps is used as it is), and
// `clearTimeout(timerHandle);` on a line of its own above each settle that leaves the timer armed:
// `return resolve(value);` takes it there too.
function fixEventClears(plan: Extract<ListenerPlan, { kind: 'event-clears' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const edits: Edit[] = [];
  let handle = plan.handle;
  if (handle === undefined && plan.declareAtTop) {
    // `let timerHandle;` first in the executor: the handlers may run before the timer is armed
    handle = names.allocate('timerHandle', plan.site.executor);
    // typed `| undefined` in TypeScript: the test may leave it unarmed
    const declaration = declareHandle(layout.style, facts.typescript, handle, timerTypeQuery(facts, plan.site.timer!));
    edits.push(insertLinesBefore(layout, plan.site.executor.body.body[0], [facts.typescript ? declaration.replace(/(?=;?$)/, ' | undefined') : declaration]));
    edits.push(insertAt(plan.site.timer!.expression.start, `${handle} = `));
  } else if (handle === undefined) {
    handle = names.allocate('timerHandle', plan.site.executor);
    edits.push(insertAt(plan.site.timer!.expression.start, `const ${handle} = `));
  }
  for (const settle of plan.settles) edits.push(insertLinesBefore(layout, settle, [statement(layout.style, `${plan.clear}(${handle})`)]));
  return edits;
}

// `socket.onopen = null;` at the end of the timer's callback, after it has settled the promise; and
// when nothing clears the timer yet, `let timerHandle;` before the promise's statement,
// `timerHandle = setTimeout(…)`, and `.finally(() => clearTimeout(timerHandle))` on the promise.
function fixPropertyNulls(plan: Extract<ListenerPlan, { kind: 'property-nulls' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  const site = plan.site;
  const timer = site.timer!;
  const inner: Edit[] = [appendToFunction(layout, timer.callback, plan.nulls.map((each) => statement(style, `${each.target}.${each.property} = null`)))];
  if (!plan.clear) return inner;
  const { placement, spelling, typeQuery } = plan.clear;
  const handle = names.allocate('timerHandle', placement.owner);
  inner.push(insertAt(timer.expression.start, `${handle} = `));
  inner.push(insertAt(site.node.end, onSettled(layout, context.project(), [`${spelling}(${handle})`], site.node.start, false, site.node.end)));
  const declaration = declareHandle(style, facts.typescript, handle, typeQuery);
  if (placement.kind === 'statement') return [insertLinesBefore(layout, placement.statement, [declaration]), ...inner];
  return [expressionBodyToBlock(layout, placement.arrow, [declaration], (body) => statement(style, `return ${body}`), [], inner)];
}

// The removals at the end of the timer's callback, after it has settled the promise; an inline
// handler is named first (`const onReady = (value) => {…};` before the statement that adds it).
function fixTimerRemovals(plan: Extract<ListenerPlan, { kind: 'timer-removals' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const edits: Edit[] = [];
  const lines: string[] = [];
  const taken = new Set<string>();
  for (const removal of plan.removals) {
    let name = removal.name;
    if (name === undefined) {
      const handler = unwrap(removal.listener.handler);
      // `function onReady(value) {…}` keeps its own name, as a declaration; others get one
      const own = ownName(facts, handler, plan.site.executor, taken);
      const given = own ?? names.allocate(handlerBaseName(removal.listener.event), plan.site.executor);
      edits.push(insertLinesBefore(layout, removal.listener.statement, own ? declared(layout, handler, parameterTypeEdits(facts, handler)) : named(layout, handler, given, parameterTypeEdits(facts, handler))));
      edits.push(replaceRange(removal.listener.handler.start, removal.listener.handler.end, given));
      name = given;
    }
    lines.push(statement(layout.style, removalText(removal, name)));
  }
  edits.push(appendToFunction(layout, plan.site.timer!.callback, lines));
  return edits;
}

// `function onReady(value) {…}`: its own name, when it can be a declaration of the executor, free
// there and not kept already by another handler of this fix (two `function onReady` would be one)
function ownName(facts: FixContext['facts'], handler: any, executor: any, taken: Set<string>): string | undefined {
  const name = handler.type === 'FunctionExpression' && handler.id && !handler.async && !handler.generator ? handler.id.name : undefined;
  if (name === undefined || taken.has(name) || !facts.resolver.isFreeAt(executor.body, name)) return undefined;
  taken.add(name);
  return name;
}

// `emitter.removeListener('ready', onReady)`; `app.stdout?.removeListener(…)` for a listener added
// by `app.stdout?.on(…)`, which may have added nothing
function removalText(removal: TimerRemoval, name: string): string {
  const callee = unwrap(removal.listener.call.callee);
  return `${removal.target}${callee?.optional ? '?.' : '.'}${removal.remover}(${removal.event}, ${name})`;
}

// Every listener removed before each settle of the handlers, and at the end of the timer's callback,
// after it has settled: the removals themselves with one listener, else `removeListeners()`, a const
// at the top of the executor. An inline handler is named first, with its removals in it.
function fixEventRemovals(plan: Extract<ListenerPlan, { kind: 'event-removals' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style } = layout;
  const site = plan.site;
  const edits: Edit[] = [];
  const given = new Map<TimerRemoval, { name: string; own: boolean }>();
  const taken = new Set<string>();
  for (const removal of plan.removals) {
    if (removal.name !== undefined) continue;
    const handler = unwrap(removal.listener.handler);
    const own = ownName(facts, handler, site.executor, taken);
    given.set(removal, { name: own ?? names.allocate(handlerBaseName(removal.listener.event), site.executor), own: own !== undefined });
  }
  const lines = plan.removals.map((removal) => statement(style, removalText(removal, removal.name ?? given.get(removal)!.name)));
  let calls = lines;
  if (lines.length > 1) {
    const removeListeners = names.allocate('removeListeners', site.executor);
    edits.push(insertLinesBefore(layout, site.executor.body.body[0], [`const ${removeListeners} = () => {`, ...lines.map((line) => `${style.indent}${line}`), statement(style, '}')]));
    calls = [statement(style, `${removeListeners}()`)];
  }
  const before = plan.settles.map((settle) => ({ settle, edit: insertLinesBefore(layout, settle, calls) }));
  const inside = (handler: any) => before.filter((each) => each.settle.start >= handler.start && each.settle.end <= handler.end);
  for (const removal of plan.removals) {
    const naming = given.get(removal);
    if (!naming) continue;
    const handler = unwrap(removal.listener.handler);
    const own = inside(handler);
    for (const each of own) before.splice(before.indexOf(each), 1);
    const ownEdits = own.map((each) => each.edit);
    const typed = [...parameterTypeEdits(facts, handler), ...ownEdits];
    edits.push(insertLinesBefore(layout, removal.listener.statement, naming.own ? declared(layout, handler, typed) : named(layout, handler, naming.name, typed)));
    edits.push(replaceRange(removal.listener.handler.start, removal.listener.handler.end, naming.name));
  }
  edits.push(...before.map((each) => each.edit));
  edits.push(appendToFunction(layout, site.timer!.callback, calls));
  return edits;
}

// In TypeScript, a type for each parameter the handler leaves to the call it is passed to, as the
// checker gives it there (./engine/types.ts): `(code) =>` becomes `(code: number | null) =>`, and a
// lone parameter without parentheses gets them. The analysis refused a handler this cannot type.
function parameterTypeEdits(facts: FixContext['facts'], handler: any): Edit[] {
  if (!facts.typescript || handler.params.every((param: any) => param.typeAnnotation)) return [];
  const annotations = facts.parameterAnnotations(handler);
  if (!annotations) throw new Error('a handler named without the types of its parameters');
  return annotations.map((annotation) => insertAt(annotation.at, annotation.text));
}

// the handler's lines, with `edits` inside it applied
function handlerText(layout: Layout, handler: any, edits: readonly Edit[]): string {
  return edits.length === 0 ? layout.text.text.slice(handler.start, handler.end) : applyEditsInRange(layout.text.text, handler.start, handler.end, edits).text;
}

// `function onReady(value) {…}` as a declaration of the executor, its lines at the statement's indentation
function declared(layout: Layout, handler: any, edits: readonly Edit[] = []): string[] {
  const { text } = layout;
  const statementIndent = text.indentOf(handler.start);
  const strip = (line: string) => (line.startsWith(statementIndent) ? line.slice(statementIndent.length) : line.trimStart());
  const [opening, ...rest] = handlerText(layout, handler, edits).split(/\r\n|[\n\r]/);
  return [opening, ...rest.map(strip)];
}

// `(value) => {…}` as `const onReady = (value) => {…};`, its lines at the statement's indentation
function named(layout: Layout, handler: any, name: string, edits: readonly Edit[] = []): string[] {
  const { style, text } = layout;
  const statementIndent = text.indentOf(handler.start);
  const strip = (line: string) => (line.startsWith(statementIndent) ? line.slice(statementIndent.length) : line.trimStart());
  const lines = handlerText(layout, handler, edits).split(/\r\n|[\n\r]/);
  if (lines.length === 1) return [statement(style, `const ${name} = ${lines[0]}`)];
  const [opening, ...rest] = lines;
  return [`const ${name} = ${opening}`, ...rest.slice(0, -1).map(strip), statement(style, strip(rest[rest.length - 1]))];
}

function fixOnceRace(plan: Extract<ListenerPlan, { kind: 'once' }>, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const parts = plan.race ? raceFixParts(plan.race, context) : { declarations: [], inner: [], settled: [] };
  if (plan.onceCalls.length > 0) {
    const controller = names.allocate('listenerController', plan.placement.owner);
    parts.declarations.push(declareController(layout.style, controller));
    // once(emitter, 'ready', { signal: listenerController.signal })
    for (const call of plan.onceCalls) parts.inner.push(appendArgument(layout, call, objectLiteral(layout.style, `signal: ${controller}.signal`)));
    parts.settled.push(`${controller}.abort()`);
  }
  return assembleRaceFix(plan.site.node, plan.placement, parts, context);
}
