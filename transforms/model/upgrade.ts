// A sleep helper made cancellable once, at its definition: `delay(ms)` takes an optional last
// `signal`, whose abort clears its timer, so that every race using it can stop the loser's timer by
// passing one (race-timeout's helper-signal plan). Existing callers are unchanged: they pass no
// signal, and the helper does what it did.
//
//   const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// becomes
//   const delay = (ms: number, signal?: AbortSignal) => new Promise<void>((r) => {
//     const onAbort = () => clearTimeout(timer);
//     const timer = setTimeout(() => {
//       signal?.removeEventListener('abort', onAbort);
//       r();
//     }, ms);
//     signal?.addEventListener('abort', onAbort);
//   });
//
// The listener goes when the timer fires, so a signal that outlives many calls collects none.
//
// Preconditions (the failing one is the reason given):
// - TypeScript: a call that passes more arguments than the helper takes is a type error there, so
//   no caller can be passing something in the new parameter's place;
// - its type is written in its own parameters: no overloads, no typed const, no `this` parameter,
//   not a method of a class exported or extended;
// - it gives back one expression (or a choice of two) holding exactly one platform `setTimeout`, as
//   the body or a statement of its own in the executor of a global `new Promise`, its handle not kept;
// - the timer's callback is the executor's `resolve`/`reject` (with at most one plain argument after
//   the delay, and `resolve()` only for a Promise<void>) or a function of no parameters that reads
//   neither `this` nor `arguments` and holds no comments;
// - it takes no rest parameter, and is not async or a generator; no disable comment keeps it;
// - it is not published: the nearest package.json is private, or the helper's file does not export
//   it (a new parameter of a published function is the package's API, for its maintainers);
// - (read by the CLI, callerProblem) every use across the repository is a plain call.
import * as path from 'node:path';
import { isFunction, unwrap } from '../analysis/tree';
import { hasWrites, isStringLiteral } from '../analysis/resolve';
import { type Edit, applyEdits, insertAt, replaceRange } from '../engine/edits';
import { guardedLine } from '../edit/layout';
import { type Style, detectStyle, lineWidth } from '../engine/style';
// (a cycle through run.ts: read only when a helper is planned, long after every module has loaded)
import { disabledAt } from '../engine/suppressions';
import { returnedExpression } from './arms';
import type { ModuleIndex } from './modules';
import type { Binding } from '../analysis/scope';
import { parseSource } from '../engine/parse';
import { Facts } from './facts';
import { type TimerFact, callbackEffects, setTimeoutOf, timerFact } from './timer';
import { isEffectFree } from './effects';

export interface UpgradePlan {
  home: Facts;
  fn: any;
  timer: TimerFact;
  executor: any;
  /** the settle function's call that replaces a bare `resolve` callback */
  settleCall?: string;
}

/** a helper (by its function's offset in its file) to make cancellable before a run reads it */
export interface HelperUpgrade {
  file: string;
  at: number;
}

/** a finding's data keys naming the helper a run could make cancellable (its file, its offset there) */
export const UPGRADE_FILE = 'upgradeFile';
export const UPGRADE_AT = 'upgradeAt';
/** set when the helper is exported from its file: its callers may be in other files */
export const UPGRADE_EXPORTED = 'upgradeExported';

/** where the CLI hands runRules the helpers it will not change, having read their callers */
export const HELPER_REFUSALS = 'helperRefusals';

export function refusalsOf(options: Readonly<Record<string, unknown>>): Array<{ file: string; at: number; reason: string }> {
  const value = options[HELPER_REFUSALS];
  return Array.isArray(value) ? (value as Array<{ file: string; at: number; reason: string }>) : [];
}

/** where a caller hands runRules the helpers to make cancellable (the CLI's second pass) */
export const HELPER_UPGRADES = 'helperUpgrades';

export function upgradesOf(options: Readonly<Record<string, unknown>>): HelperUpgrade[] {
  const value = options[HELPER_UPGRADES];
  return Array.isArray(value) ? (value as HelperUpgrade[]) : [];
}

export function planUpgrade(home: Facts, fn: any): UpgradePlan | string {
  if (!home.typescript) return 'it is JavaScript, where a caller may already pass an argument in the place a new parameter would take';
  if (fn.async || fn.generator) return 'it is async or a generator';
  if (fn.params.some((param: any) => param.type === 'RestElement')) return 'it takes a rest parameter';
  if (fn.params.some((param: any) => param.type === 'Identifier' && param.name === 'this')) return 'it declares a `this` parameter';
  const declared = declaredTypeProblem(home, fn);
  if (declared) return declared;
  // its own file's uses, read here too: a single-file run has no other look at them
  const ownUse = ownFileUseProblem(home, fn);
  if (ownUse) return ownUse;
  const returned = returnedExpression(fn);
  if (returned === undefined) return 'it does more than give back one expression';
  // `arguments.length` would count the new parameter the races pass
  const ownerOf = (node: any) => {
    let owner = home.tree.functionOf(node);
    while (owner?.type === 'ArrowFunctionExpression' && owner !== fn) owner = home.tree.functionOf(owner);
    return owner;
  };
  if (home.tree.within(fn, 'Identifier').some((node: any) => node.name === 'arguments' && home.scopes.isReference(node) && !home.scopes.bindingOf(node) && ownerOf(node) === fn)) return 'it reads `arguments`, which would count the new parameter';
  const timers = home.tree.within(returned, 'CallExpression').filter((node) => setTimeoutOf(home.resolver, node) !== undefined);
  if (timers.length !== 1) return timers.length === 0 ? 'it arms no setTimeout of the platform' : 'it arms more than one timer';
  const timer = timerFact(home, timers[0]);
  if (!timer || timer.capture.kind !== 'none') return "it keeps the timer's handle";
  if (timer.builtin.via.kind !== 'global' && timer.builtin.via.kind !== 'global-member') return 'its setTimeout is an import of its own file';
  if (!home.resolver.isFreeAt(timer.call, 'clearTimeout')) return '`clearTimeout` is not the global there';
  const executor = home.tree.functionOf(timer.call);
  const newPromise = executor && home.tree.parent(executor);
  if (!isFunction(executor) || newPromise?.type !== 'NewExpression' || unwrap(newPromise.arguments[0]) !== executor || !home.resolver.is(newPromise.callee, 'Promise')) return 'its timer is not armed by a `new Promise` executor';
  // that promise is what it gives back (or a branch of `cond ? … : …`): one kept (`last = new
  // Promise(…)`) or chained on (`.then(…)`) would stay pending for good once aborted
  const given = unwrap(returned);
  if (given !== newPromise && !(given?.type === 'ConditionalExpression' && (unwrap(given.consequent) === newPromise || unwrap(given.alternate) === newPromise))) return 'its timer\'s promise is not what it gives back (it is kept or chained on), and aborted it would stay pending';
  // the timer is the executor's expression body, or a statement of its own in a block of it (the
  // executor may do more: only that statement changes)
  const holder = timerStatement(home, executor, timer);
  if (holder === undefined || timer.expression !== timer.call) return 'its timer is not a statement of its own in the executor';
  if (holder !== 'body' && !home.source.startsLine(holder.start) && home.tree.parent(holder).body.length > 1) return 'its timer shares a line with other statements';
  const settles = executor.params.slice(0, 2).map((param: any) => (param.type === 'Identifier' ? home.scopes.bindingOf(param) : undefined));
  const callback = unwrap(timer.callback);
  let settleCall: string | undefined;
  if (callback?.type === 'Identifier' && settles.includes(home.scopes.bindingOf(callback))) {
    // read when the timer fires instead of when it is armed: the same only for a value that cannot change
    const unchanging = (argument: any) => {
      if (!isPlain(argument) || unwrap(argument).type !== 'Identifier') return isPlain(argument);
      const binding = home.scopes.bindingOf(unwrap(argument));
      return binding !== undefined && !hasWrites(binding);
    };
    if (timer.extraArguments.length > 1 || !timer.extraArguments.every(unchanging)) return 'its timer hands its callback a value that may change before it fires';
    // `setTimeout(resolve, ms, value)` type-checks where `resolve(value)` may not (`T | undefined`)
    if (home.typescript && timer.extraArguments.some((argument: any) => unwrap(argument).type === 'Identifier' && unwrap(argument).name !== 'undefined')) return 'its timer hands `resolve` a value through setTimeout, which TypeScript checks more loosely than the call that would replace it';
    let values = timer.extraArguments.map((argument: any) => home.textOf(argument)).join(', ');
    // `setTimeout(resolve, ms)` calls `resolve()`, which TypeScript allows only for a Promise<void>
    if (home.typescript && values === '' && home.scopes.bindingOf(callback) === settles[0]) {
      const typed = (node: any) => (node?.typeArguments ?? node?.typeParameters)?.params?.[0];
      const argument = typed(newPromise);
      const returned = fn.returnType?.typeAnnotation;
      const declared = argument ?? (returned?.type === 'TSTypeReference' && returned.typeName?.name === 'Promise' ? typed(returned) : undefined);
      if (declared === undefined && returned !== undefined) return 'its promise\'s type is not one this can read, and `resolve()` type-checks only for a Promise<void>';
      if (declared === undefined) values = 'undefined';
      else if (declared.type !== 'TSVoidKeyword' && declared.type !== 'TSUndefinedKeyword') return 'its promise is not a Promise<void>, and `resolve()` would not type-check';
    }
    settleCall = `${callback.name}(${values})`;
  } else if (isFunction(callback) && !callback.async && !callback.generator && callback.params.length === 0 && timer.extraArguments.length === 0) {
    // an abort clears the timer: whatever else its callback does (`fired += 1`) would no longer run
    const effects = callbackEffects(callback);
    if (!effects || effects.length !== 1 || effects[0].kind !== 'call' || !settles.includes(home.scopes.bindingOf(unwrap(effects[0].call.callee))) || !effects[0].call.arguments.every(isEffectFree)) return "its timer's callback does more than settle the promise, which an abort would skip";
    if (callback.type === 'FunctionExpression' && home.tree.within(callback, 'ThisExpression').length > 0) return "its timer's callback reads `this`";
    if (callback.type === 'FunctionExpression' && home.tree.within(callback, 'Identifier').some((node: any) => node.name === 'arguments')) return "its timer's callback reads `arguments`";
    // its statements are copied: a comment among them would be lost
    if ((home.file.comments ?? []).some((comment: any) => comment.start >= callback.start && comment.end <= callback.end)) return "its timer's callback holds comments";
    // its statements move into a new callback, one line each: a statement over several lines is
    // not re-indented here
    if (callback.body.type === 'BlockStatement' && callback.body.body.some((statement: any) => /[\n\r\u2028\u2029]/.test(home.textOf(statement)))) return "its timer's callback holds a statement over several lines";
  } else {
    return "its timer's callback is neither the executor's resolve or reject nor a function of no parameters";
  }
  // a disable comment of race-timeout on the helper (or its file) leaves it as it is
  if (disabledAt(home, 'race-timeout', fn)) return 'a disable comment of race-timeout leaves it as it is';
  const published = publication(home, fn);
  if (published) return published;
  return { home, fn, timer, executor, settleCall };
}

// Where the helper's type is written elsewhere than its own parameters, a new parameter there is
// not seen by its callers: overloads, a type on the const that holds it, a method a subclass may
// override (of a class exported, or extended in its file).
function declaredTypeProblem(home: Facts, fn: any): string | undefined {
  const { tree } = home;
  const parent = tree.parent(fn);
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    const siblings = tree.parent(parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? parent : fn)?.body ?? [];
    const overloads = (Array.isArray(siblings) ? siblings : []).some((statement: any) => {
      const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      return declaration?.type === 'TSDeclareFunction' && declaration.id?.name === fn.id.name;
    });
    if (overloads) return 'it has overload signatures, which a new parameter would not reach';
  }
  if (parent?.type === 'VariableDeclarator' && parent.id.typeAnnotation) return 'the const that holds it is given a type of its own, which a new parameter would not reach';
  // `(… => …) as Sleep`, `<Sleep>(…)`, `… satisfies Sleep`: the cast's type, not the function's, is what callers see
  if (['TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression', 'TypeCastExpression'].includes(parent?.type) || (parent?.type === 'ParenthesizedExpression' && ['TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression'].includes(tree.parent(parent)?.type))) {
    return 'it is cast to a type of its own, which a new parameter would not reach';
  }
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') {
    const classBody = parent;
    const klass = tree.parent(classBody);
    const name = fn.key?.name ?? fn.key?.id?.name;
    if (classBody?.body?.some((member: any) => member !== fn && member.type === 'TSDeclareMethod' && (member.key?.name ?? member.key?.id?.name) === name)) return 'it has overload signatures, which a new parameter would not reach';
    const exported = ['ExportNamedDeclaration', 'ExportDefaultDeclaration'].includes(tree.parent(klass)?.type) || (klass?.id && home.tree.ofType('ExportSpecifier').some((specifier: any) => specifier.local?.name === klass.id.name));
    const extended = klass?.id && home.tree.ofType('ClassDeclaration').concat(home.tree.ofType('ClassExpression')).some((other: any) => unwrap(other.superClass)?.type === 'Identifier' && unwrap(other.superClass).name === klass.id.name);
    if (fn.type === 'ClassMethod' && (exported || extended)) return 'it is a method of a class that is exported or extended, whose subclasses may override it without the new parameter';
    // `export const searcher = new Searcher()`: an instance that leaves the file may have its method
    // called from anywhere (`xs.map(searcher.pause)`); only `new Searcher().find(…)`, used at once, stays
    const escapes = fn.type === 'ClassMethod' && klass?.id && home.tree.ofType('NewExpression').some((node: any) => unwrap(node.callee)?.type === 'Identifier' && unwrap(node.callee).name === klass.id.name && !(tree.parent(node)?.type === 'MemberExpression' && tree.parent(node).object === node));
    if (escapes) return 'it is a method of a class whose instances are kept or handed on, where other code may call it by value';
  }
  return undefined;
}

function isPlain(node: any): boolean {
  const expression = unwrap(node);
  return ['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'Literal', 'Identifier'].includes(expression?.type);
}

// Published: the nearest package.json is not private and the helper's file exports it (an alias, a
// re-export or a class may bring it to the package's entry). Read through the index's host, so a
// snapshot answers as the disk would.
function publication(home: Facts, fn: any): string | undefined {
  const modules = home.modules;
  if (!modules) return undefined;
  const absolute = (file: string) => (modules.base === undefined ? path.normalize(file) : path.resolve(modules.base, file));
  let dir = absolute(path.dirname(home.path));
  for (let depth = 0; depth < 12; depth += 1) {
    const text = modules.readText(path.join(dir, 'package.json'));
    if (text !== undefined) {
      let manifest: any;
      try {
        manifest = JSON.parse(text);
      } catch {
        return 'its package.json does not parse, so whether it is published is not known';
      }
      if (manifest.private === true) return undefined;
      // a package that may be published: whatever its file exports may be reached by its users
      // (through an alias, a re-export, a class), so only a helper its file keeps to itself changes
      if (isExported(home, fn)) return `the package \`${manifest.name ?? path.basename(dir)}\` is not private and its file exports it, so a new parameter may be its API`;
      return undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

// exported from its file: itself, the const that holds it, or the class it is a method of, by a
// declaration or a specifier (`export { delay as sleep }`), or as the file's default
export function isExported(home: Facts, fn: any): boolean {
  const { tree } = home;
  let holder = fn;
  let name: string | undefined = fn.id?.name;
  const parent = tree.parent(fn);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    name = parent.id.name;
    holder = tree.parent(parent);
  }
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' || fn.type === 'ObjectMethod') {
    const owner = tree.parent(parent);
    if (fn.type === 'ObjectMethod') return true;
    name = owner?.id?.name;
    holder = owner;
  }
  if (['ExportNamedDeclaration', 'ExportDefaultDeclaration'].includes(tree.parent(holder)?.type)) return true;
  if (name === undefined) return false;
  return tree.ofType('ExportSpecifier').some((specifier: any) => (specifier.local?.name ?? specifier.local?.value) === name) || tree.ofType('ExportDefaultDeclaration').some((declaration: any) => unwrap(declaration.declaration)?.type === 'Identifier' && unwrap(declaration.declaration).name === name) || /\bmodule\.exports\b|\bexports\./.test(home.text);
}

function exportNamesOf(home: Facts, fn: any): string[] {
  const names = new Set<string>(['default']);
  const parent = home.tree.parent(fn);
  if (fn.id?.name) names.add(fn.id.name);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') names.add(parent.id.name);
  return [...names];
}

// `module` re-exports (`export *`, `export { … } from`) the helper's file, itself or through
// another barrel: a namespace of it holds the helper
function reexports(modules: ModuleIndex, module: string, target: string, absolute: (file: string) => string, depth = 0): boolean {
  const facts = depth < 3 ? modules.facts(module) : undefined;
  if (!facts) return false;
  return facts.tree.program.body.some((statement: any) => {
    if (!(statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') || !statement.source) return false;
    const resolved = modules.resolve(module, String(statement.source.value));
    return resolved !== undefined && (absolute(resolved) === target || reexports(modules, resolved, target, absolute, depth + 1));
  });
}

/** a name of `base`, `base2`… spelled nowhere in the helper and meaning nothing around it */
function freshName(home: Facts, fn: any, base: string, taken: Set<string>): string {
  const spelled = new Set(home.tree.within(fn, 'Identifier').map((node: any) => node.name));
  const scope = home.resolver.scopeAt(fn.body);
  let name = base;
  for (let index = 2; spelled.has(name) || taken.has(name) || home.scopes.lookupFrom(scope, name) !== undefined; index += 1) name = `${base}${index}`;
  taken.add(name);
  return name;
}

export function upgradeEdits(plan: UpgradePlan, style: Style): Edit[] {
  const { home, fn, timer, executor } = plan;
  const text = home.source;
  const q = style.quote;
  const end = style.semicolons ? ';' : '';
  const taken = new Set<string>();
  const signal = freshName(home, fn, 'signal', taken);
  const onAbort = freshName(home, fn, 'onAbort', taken);
  const handle = freshName(home, fn, 'timer', taken);
  const edits: Edit[] = [];

  // the parameter, last: `(ms: number)` → `(ms: number, signal?: AbortSignal)`
  const type = home.typescript ? '?: AbortSignal' : '';
  const lastParam = fn.params.at(-1);
  const bare = fn.type === 'ArrowFunctionExpression' && fn.params.length === 1 && !/\(\s*$/.test(home.text.slice(fn.start, lastParam.start));
  if (bare) {
    // `ms => …` → `(ms, signal?: AbortSignal) => …`
    edits.push(insertAt(lastParam.start, '('), insertAt(lastParam.end, `, ${signal}${type})`));
  } else if (fn.params.length > 0) {
    edits.push(...parameterEdit(home, fn, `${signal}${type}`, style));
  } else {
    // after the name (a method's key, past its decorators) and type parameters
    const from = fn.typeParameters?.end ?? fn.key?.end ?? fn.id?.end ?? fn.start;
    const open = home.text.indexOf('(', from);
    edits.push(insertAt(open + 1, `${signal}${type}`));
  }

  // the executor's body: the timer with a handle, its callback removing the listener
  const body = executor.body;
  const holder = timerStatement(home, executor, timer);
  const statementStart = holder !== 'body' ? holder?.start : undefined;
  let outer: string;
  let inner: string;
  if (statementStart !== undefined && text.startsLine(statementStart)) {
    inner = text.indentOf(statementStart);
    outer = text.indentOf(home.tree.parent(holder).start);
  } else {
    outer = text.indentOf(executor.start);
    // `? new Promise(…)` under a conditional's operator: a formatter aligns the block two further
    const lineStart = text.lineStartOf(executor.start);
    if (/^[ \t]*[?:] /.test(home.text.slice(lineStart, executor.start))) outer += '  ';
    inner = outer + style.indent;
  }
  const eol = text.terminatorNear(executor.start);
  const callback = unwrap(timer.callback);
  let callbackLines: string[];
  if (plan.settleCall) {
    callbackLines = [`${plan.settleCall}${end}`];
  } else if (callback.body.type === 'BlockStatement') {
    callbackLines = callback.body.body.map((statement: any) => home.textOf(statement));
  } else {
    const expression = home.textOf(callback.body);
    callbackLines = [`${/^[{]/.test(expression.trim()) ? `(${expression})` : expression}${end}`];
  }
  const delayText = timer.delay ? home.textOf(timer.delay) : '0';
  const timerCallee = home.textOf(timer.call.callee);
  const lines = [
    `const ${onAbort} = () => clearTimeout(${handle})${end}`,
    `const ${handle} = ${timerCallee}(() => {`,
    `${style.indent}${signal}?.removeEventListener(${q}abort${q}, ${onAbort})${end}`,
    ...callbackLines.map((line) => `${style.indent}${line}`),
    `}, ${delayText})${end}`,
    `${signal}?.addEventListener(${q}abort${q}, ${onAbort})${end}`,
  ];
  // without semicolons, a line that starts with `(`, `[`, `` ` ``… would continue the one before it
  const guarded = lines.map((line) => guardedLine(style, line));
  const block = guarded.map((line) => `${inner}${line}`).join(eol);
  if (holder !== 'body') {
    const statement = holder;
    const block2 = home.tree.parent(statement);
    if (text.startsLine(statement.start)) edits.push(replaceRange(statement.start, statement.end, block.slice(inner.length)));
    else if (block2.body.length === 1) edits.push(replaceRange(block2.start, block2.end, `{${eol}${block}${eol}${outer}}`));
    else edits.push(replaceRange(statement.start, statement.end, guarded.map((line) => (/[;{]$/.test(line) ? line : `${line};`)).join(' ')));
  } else {
    let from = body.start;
    let to = body.end;
    // `(r) => (setTimeout(r, ms))`: the parentheses go with the expression
    while (home.text[from - 1] === '(' && home.text[to] === ')') {
      from -= 1;
      to += 1;
    }
    edits.push(replaceRange(from, to, `{${eol}${block}${eol}${outer}}`));
  }
  return edits;
}

// 'body' for `(r) => setTimeout(r, ms)`; the ExpressionStatement `setTimeout(…);` in a block of the
// executor (not inside another function); undefined otherwise
function timerStatement(home: Facts, executor: any, timer: TimerFact): any | 'body' | undefined {
  if (executor.body === timer.expression) return 'body';
  const statement = home.tree.parent(timer.expression);
  if (statement?.type !== 'ExpressionStatement' || statement.expression !== timer.expression) return undefined;
  if (home.tree.parent(statement)?.type !== 'BlockStatement' || home.tree.functionOf(statement) !== executor) return undefined;
  return statement;
}

/** the function that starts at `at`, in `facts` */
export function functionAt(facts: Facts, at: number): any | undefined {
  for (const type of ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ClassPrivateMethod', 'ObjectMethod']) {
    const found = facts.tree.ofType(type).find((node: any) => node.start === at);
    if (found) return found;
  }
  return undefined;
}

// `, signal?: AbortSignal` after the last parameter, laid out as Prettier would: on the same line
// when the signature still fits the print width; one parameter per line when it no longer does
// (Prettier's own break, with a trailing comma under "all"); on a line of its own in a list that is
// broken already.
function parameterEdit(home: Facts, fn: any, parameter: string, style: Style): Edit[] {
  const text = home.source;
  const source = home.text;
  const params = fn.params;
  const first = params[0];
  const last = params.at(-1);
  const open = source.lastIndexOf('(', first.start);
  // the list's `)`: past blanks, a trailing comma and comments after the last parameter
  const allComments: any[] = home.file.comments ?? [];
  let close = last.end;
  for (;;) {
    while (close < source.length && /[\s,]/.test(source[close])) close += 1;
    const comment = allComments.find((candidate) => candidate.start === close);
    if (!comment) break;
    close = comment.end;
  }
  if (open === -1 || source[close] !== ')') return [insertAt(last.end, `, ${parameter}`)];
  const trailingComma = source.slice(last.end, close).includes(',');
  const eol = text.terminatorNear(open);
  // comments in the list stay as they are: the parameter goes on the last one's line, as before, or
  // after a comment that follows the last parameter (a line comment: on a line of its own below it)
  const comments = allComments.filter((comment) => comment.start >= fn.start && comment.end <= close);
  if (comments.length > 0) {
    // broken one per line: a line of its own below the last parameter's line, comments and all
    const lineEnd = text.lineEndOf(last.end);
    if (/[\n\r]/.test(source.slice(open, close)) && text.startsLine(last.start) && close > lineEnd && !comments.some((comment) => comment.start < lineEnd && comment.end > lineEnd)) {
      const indent = text.indentOf(last.start);
      return [...(trailingComma ? [] : [insertAt(last.end, ',')]), insertAt(lineEnd, `${eol}${indent}${parameter}${trailingComma ? ',' : ''}`)];
    }
    const after = comments.filter((comment) => comment.start >= last.end).at(-1);
    if (!after || trailingComma && after.type === 'CommentBlock') return [insertAt(last.end, `, ${parameter}`)];
    if (after.type === 'CommentBlock') return [insertAt(after.end, `, ${parameter}`)];
    const indent = text.startsLine(last.start) ? text.indentOf(last.start) : text.indentOf(text.lineStartOf(open)) + style.indent;
    return [...(trailingComma ? [] : [insertAt(last.end, ',')]), insertAt(after.end, `${eol}${indent}${parameter}${trailingComma ? ',' : ''}`)];
  }
  if (/[\n\r]/.test(source.slice(open, close))) {
    // broken already: the parameter on a line of its own, as its neighbours are
    if (!text.startsLine(last.start)) return [insertAt(last.end, `, ${parameter}`)];
    const indent = text.indentOf(last.start);
    return [trailingComma ? insertAt(source.indexOf(',', last.end) + 1, `${eol}${indent}${parameter},`) : insertAt(last.end, `,${eol}${indent}${parameter}`)];
  }
  const lineStart = text.lineStartOf(open);
  const line = source.slice(lineStart, text.lineEndOf(open));
  if (lineWidth(style, line) + parameter.length + 2 <= style.printWidth) return [insertAt(last.end, `, ${parameter}`)];
  // one parameter per line, at one indent more than the signature's line
  const indent = text.indentOf(lineStart) + style.indent;
  const each = [...params.map((param: any) => source.slice(param.start, param.end)), parameter];
  const comma = style.trailingCommasInCalls ? ',' : '';
  return [replaceRange(open + 1, close, `${eol}${each.map((item) => `${indent}${item}`).join(`,${eol}`)}${comma}${eol}${text.indentOf(lineStart)}`)];
}

/** the edits that make the helpers at `offsets` cancellable, with the plan of each made */
export function upgradesIn(facts: Facts, offsets: readonly number[]): { edits: Edit[]; made: UpgradePlan[] } {
  const edits: Edit[] = [];
  const made: UpgradePlan[] = [];
  let style: Style | undefined;
  for (const at of [...new Set(offsets)]) {
    const fn = functionAt(facts, at);
    if (!fn) continue;
    const plan = planUpgrade(facts, fn);
    if (typeof plan === 'string') continue;
    style ??= detectStyle(facts.file.program, facts.text, facts.path);
    edits.push(...upgradeEdits(plan, style));
    made.push(plan);
  }
  return { edits, made };
}

/** the text of `facts` with the helpers at `offsets` made cancellable */
export function upgradeText(facts: Facts, offsets: readonly number[]): string {
  const { edits } = upgradesIn(facts, offsets);
  return edits.length === 0 ? facts.text : applyEdits(facts.text, edits);
}

// A use of the helper in its own file that is not a plain call with at most as many arguments as it
// takes (`xs.map(delay)` would pass an index where the signal goes, `const any: any = delay` may
// pass anything). Methods are followed by name; others by their binding.
function ownFileUseProblem(home: Facts, fn: any): string | undefined {
  const arity = fn.params.length;
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' || fn.type === 'ObjectMethod') {
    const name = fn.key?.name ?? fn.key?.id?.name;
    for (const member of [...home.tree.ofType('MemberExpression'), ...home.tree.ofType('OptionalMemberExpression')]) {
      if ((member.property?.name ?? member.property?.id?.name) !== name || member.computed) continue;
      if (!isPlainCall(home, member, arity)) return `\`${home.code(home.tree.parent(member) ?? member, 40)}\` uses it other than as a call that passes at most ${arity} argument${arity === 1 ? '' : 's'}`;
    }
    // `const { pause } = this`: taken out by name, then used anyhow
    const taken = home.tree.ofType('ObjectPattern').find((pattern) => pattern.properties.some((property: any) => !property.computed && (property.key?.name ?? property.key?.value) === name));
    if (taken) return `\`${home.code(taken, 40)}\` takes it out of its object, where its uses are not followed`;
    return undefined;
  }
  const parent = home.tree.parent(fn);
  const id = fn.id ?? (parent?.type === 'VariableDeclarator' ? parent.id : undefined);
  return nonPlainUse(home, id?.type === 'Identifier' ? home.scopes.bindingOf(id) : undefined, arity, 'its own file');
}

// `delay(ms)`: a call of `reference` with at most `arity` arguments, none spread
function isPlainCall(facts: Facts, reference: any, arity: number): boolean {
  const call = facts.tree.parent(reference);
  return (call?.type === 'CallExpression' || call?.type === 'OptionalCallExpression') && unwrap(call.callee) === reference && call.arguments.length <= arity && !call.arguments.some((argument: any) => argument.type === 'SpreadElement');
}

// the first use of `binding` (in `where`) that is not such a call, said; undefined when there is none
function nonPlainUse(facts: Facts, binding: Binding | undefined, arity: number, where: string): string | undefined {
  for (const reference of binding?.references ?? []) {
    const holder = facts.tree.parent(reference.node);
    if (holder?.type === 'ExportSpecifier' || reference.node === binding?.id) continue;
    if (!isPlainCall(facts, reference.node, arity)) return `\`${facts.code(holder ?? reference.node, 40)}\` in ${where} uses it other than as a call that passes at most ${arity} argument${arity === 1 ? '' : 's'}`;
  }
  return undefined;
}

/**
 * Why the helper's callers forbid a new parameter, read over the repository's `files` (the CLI's
 * listing): a use that is not a plain call with at most as many arguments as it takes (`xs.map(delay)`
 * would pass an index where the signal goes), a caller in JavaScript, which no type check holds to
 * the helper's arity, or a namespace or CommonJS import of its module. Undefined when every use is
 * such a call.
 */
export function callerProblem(modules: ModuleIndex, helperFile: string, at: number, files: readonly string[], read: (file: string) => string | undefined, absolute: (file: string) => string): string | undefined {
  const home = modules.facts(helperFile);
  const fn = home && functionAt(home, at);
  if (!home || !fn) return 'its file could not be read again';
  const arity = fn.params.length;
  // its own file's uses (a method of a class there is never exported: planUpgrade refuses those)
  const inOwnFile = ownFileUseProblem(home, fn);
  if (inOwnFile || fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' || fn.type === 'ObjectMethod') return inOwnFile;
  if (!isExported(home, fn)) return undefined;
  const target = absolute(helperFile);
  const names = exportNamesOf(home, fn);
  const stem = path.basename(helperFile).replace(/\.[^.]+$/, '');
  for (const file of files) {
    if (absolute(file) === target) continue;
    const text = read(file);
    // a default export is imported under any name: every file that imports anything is read
    const defaultOnly = names.every((name) => name === 'default') || stem === 'index';
    if (text === undefined || !(names.some((name) => name !== 'default' && text.includes(name)) || text.includes(stem) || (defaultOnly && /\bimport\b|\brequire\b/.test(text)))) continue;
    let facts: Facts;
    try {
      facts = new Facts(file, text, parseSource(file, text), modules);
    } catch {
      continue;
    }
    const javascript = !facts.typescript;
    for (const statement of facts.tree.program.body) {
      if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
        const source = String(statement.source.value);
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ImportNamespaceSpecifier') {
            const resolved = modules.resolve(file, source);
            if (resolved !== undefined && (absolute(resolved) === target || reexports(modules, resolved, target, absolute))) return `${file} imports its module whole (\`* as ${specifier.local.name}\`)`;
            continue;
          }
          const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : (specifier.imported?.name ?? specifier.imported?.value);
          const found = modules.importedFunction(file, source, imported);
          if (!found || absolute(found.facts.path) !== target || found.fn.start !== fn.start) continue;
          if (javascript) return `${file} calls it from JavaScript, where no type check holds the call to ${arity} argument${arity === 1 ? '' : 's'}`;
          const problem = nonPlainUse(facts, facts.scopes.bindingOf(specifier.local), arity, file);
          if (problem) return problem;
        }
      }
    }
    // `import timers = require('./delay')` (TypeScript): whatever is done with it is not followed
    for (const statement of facts.tree.program.body) {
      const reference = statement.type === 'TSImportEqualsDeclaration' ? statement.moduleReference : undefined;
      const resolved = reference?.type === 'TSExternalModuleReference' ? modules.resolve(file, String(reference.expression.value)) : undefined;
      if (resolved !== undefined && (absolute(resolved) === target || reexports(modules, resolved, target, absolute))) return `${file} requires its module`;
    }
    // `export { delay as pause } from './delay'`, `export * as timers from './delay'`: its callers
    // there call it by another name, which is not followed
    for (const statement of facts.tree.program.body) {
      const source = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source && statement.exportKind !== 'type' ? String(statement.source.value) : undefined;
      const resolved = source !== undefined ? modules.resolve(file, source) : undefined;
      if (resolved === undefined || absolute(resolved) !== target) continue;
      if (statement.type === 'ExportAllDeclaration' && statement.exported) return `${file} re-exports its module as \`${statement.exported.name ?? statement.exported.value}\`, whose uses are not followed`;
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.type === 'ExportNamespaceSpecifier') return `${file} re-exports its module as \`${specifier.exported.name}\`, whose uses are not followed`;
        const local = specifier.local?.name ?? specifier.local?.value;
        const exported = specifier.exported?.name ?? specifier.exported?.value;
        if (names.includes(local) && exported !== local) return `${file} re-exports it as \`${exported}\`, whose callers are not followed`;
      }
    }
    // `import('./delay')`, `require('./delay')`: whatever is done with it is not followed
    for (const call of facts.tree.ofType('ImportExpression')) {
      const resolved = isStringLiteral(call.source) ? modules.resolve(file, String(call.source.value)) : undefined;
      if (resolved !== undefined && absolute(resolved) === target) return `${file} imports its module with \`import()\``;
    }
    for (const call of facts.tree.ofType('CallExpression')) {
      if (call.callee?.type === 'Import') {
        const resolved = isStringLiteral(call.arguments[0]) ? modules.resolve(file, String(call.arguments[0].value)) : undefined;
        if (resolved !== undefined && absolute(resolved) === target) return `${file} imports its module with \`import()\``;
        continue;
      }
      const argument = call.arguments[0];
      if (unwrap(call.callee)?.type !== 'Identifier' || unwrap(call.callee).name !== 'require' || !(argument?.type === 'StringLiteral' || (argument?.type === 'Literal' && typeof argument.value === 'string'))) continue;
      const resolved = modules.resolve(file, String(argument.value));
      if (resolved !== undefined && absolute(resolved) === target) return `${file} requires its module`;
    }
  }
  return undefined;
}
