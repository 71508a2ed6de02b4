import type { API, ASTPath, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { isGlobalName } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import { findEnclosingFunction, isFunctionLiteral, isIdentifier, isInside, isWrite, referencesOf } from './lib/nodes';
import { codeOf, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';
import { insertBefore } from './lib/statements';

// A timer calls `done(new Error('search canceled'))`; the late producer then calls `done(err,
// record)` again: "callback was already called". The rewrite routes every call through one
// `doneOnce` guarded by a settled flag (the first call wins, later ones are dropped), which also
// clears the timer, so a producer that finishes first leaves nothing armed.

export const MESSAGES = {
  shadowed: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{name}` here is not the global (it is declared or imported in this file)',
    fix: 'guard `{callback}` with a settled flag by hand, or rename the local `{name}`',
  },
  alreadyGuarded: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the calls are already guarded by the flag `{name}`',
    fix: 'nothing to do',
    severity: 'note',
  },
  timerSideEffects: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer does more than call `{callback}`, and clearing it when the producer finishes would skip that work',
    fix: 'move the extra work out of the timer, then guard `{callback}` with a settled flag',
  },
  reassigned: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is reassigned in this function, so the calls may not all reach one function',
    fix: 'guard the final callback with a settled flag by hand',
  },
  calledBeforeTimer: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is also used before the timer is armed, where a guard declared with the timer cannot reach',
    fix: 'declare a settled flag at the top of the function and check it before every call',
  },
  usedOtherwise: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is used in a way other than a call or an argument (`{use}`)',
    fix: 'guard every call of `{callback}` with a settled flag by hand',
  },
  timerPosition: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer is not armed by a statement of the function body itself (it sits in a branch, a loop or an expression)',
    fix: 'arm the timer once at the top level of the function, then guard `{callback}` with a settled flag',
  },
  handleEscapes: {
    what: 'callback `{callback}` raced against a timer',
    why: 'the timer handle `{name}` is used outside this function\'s producer, so other code may clear or replace it',
    fix: 'guard `{callback}` with a settled flag by hand',
  },
  calledRepeatedly: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` may be called more than once on purpose (it sits in a loop or in a `{method}` handler), and a settled flag would drop those calls',
    fix: 'give the completion its own callback, and guard that one with a settled flag',
  },
  manyTimers: {
    what: 'callback `{callback}` raced against a timer',
    why: 'more than one timer calls `{callback}`',
    fix: 'arm one timer, then guard `{callback}` with a settled flag',
  },
  callbackReturns: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` is typed to return a value, which a dropped call cannot give',
    fix: 'type `{callback}` as returning void, or guard it by hand',
  },
  untypedCallback: {
    what: 'callback `{callback}` raced against a timer',
    why: '`{callback}` has no function type annotation, so a typed `{callback}Once` cannot be declared',
    fix: 'annotate `{callback}` with its function type',
  },
} satisfies MessageTable<string>;

type MessageId = keyof typeof MESSAGES;

type Refusal = SiteRefusal<MessageId>;

interface Plan {
  fn: ASTPath<any>;
  callbackName: string;
  timerStatement: ASTPath<any>;
  timerCall: ASTPath<any>;
  /** existing `const h = setTimeout(...)` */
  handleName?: string;
  /** every reference of the callback after the timer statement, the timer's own call included */
  references: ASTPath<any>[];
}

export const callbackSettled: Codemod = {
  name: 'callback-settled',
  summary: 'Guards a callback that both a timer and a late producer call with a settled flag (the first call wins), and clears the timer when the producer finishes first.',
  mayApply: (source) => source.includes('setTimeout'),
  calls: [{ callee: 'setTimeout', callsParameter: true }],
  apply: (ctx) => {
    const { j, root } = ctx;
    const plans: Plan[] = [];
    ctx
      .find(j.CallExpression)
      .filter((path) => isIdentifier(path.node.callee, 'setTimeout'))
      .forEach((timerCall) => {
        const decision = planTimer(ctx, timerCall);
        if (decision === null) return;
        if ('id' in decision) ctx.report(decision.node, MESSAGES[decision.id], decision.data);
        else if (!plans.some((plan) => plan.fn.node === decision.fn.node)) plans.push(decision);
      });
    if (plans.length === 0) return false;
    const allocate = createNameAllocator(ctx);
    for (const plan of plans) {
      recordFixedSite(ctx, callbackSettled.name, plan.timerCall.node);
      rewrite(ctx, plan, allocate);
    }
    return plans.length > 0;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([callbackSettled], file, api, options);
}

/* ------------------------------------------------------------------------------------------------
 * Safety
 * ---------------------------------------------------------------------------------------------- */

// `() => done(err)` or `() => { done(err); }`: the single call, or undefined.
function singleCall(callback: any): any | undefined {
  if (!isFunctionLiteral(callback) || callback.params.length > 0) return undefined;
  const body = callback.body;
  if (body.type === 'CallExpression') return body;
  if (body.type === 'BlockStatement' && body.body.length === 1 && body.body[0].type === 'ExpressionStatement' && body.body[0].expression.type === 'CallExpression') return body.body[0].expression;
  return undefined;
}

// The callee of any call inside the timer callback that names a parameter of the enclosing function.
function calledParameter(j: JSCodeshift, callback: any, fn: any): string | undefined {
  if (!isFunctionLiteral(callback)) return undefined;
  const params = new Set(fn.params.filter((param: any) => isIdentifier(param)).map((param: any) => param.name));
  const calls: any[] = j(callback.body).find(j.CallExpression).nodes();
  if (callback.body.type === 'CallExpression') calls.unshift(callback.body);
  return calls.find((call: any) => isIdentifier(call.callee) && params.has(call.callee.name))?.callee.name;
}

// `let settled = false` (any name) in the function, read where the callback is called: a guard already.
function existingFlag(j: JSCodeshift, fn: ASTPath<any>, places: any[]): string | undefined {
  const flags = j(fn)
    .find(j.VariableDeclarator)
    .filter((path) => path.parent?.node.kind === 'let' && path.node.id.type === 'Identifier' && (path.node.init == null || typeof (path.node.init as any).value === 'boolean'))
    .paths()
    .map((path) => (path.node.id as any).name as string);
  for (const flag of flags) {
    for (const place of places) {
      if (j(place).find(j.Identifier, { name: flag }).length > 0) return flag;
    }
  }
  return undefined;
}

// Methods whose callback runs any number of times: a callback used inside one is not a completion.
const REPEATING = new Set(['on', 'addListener', 'addEventListener', 'prependListener', 'subscribe', 'setInterval', 'forEach', 'map', 'filter', 'reduce', 'some', 'every', 'pipe', 'observe', 'watch']);

// The loop or repeating method (`stream.on('data', ...)`, `setInterval`) between `ref` and `fn`, if any.
function repeatedContext(ref: ASTPath<any>, fn: ASTPath<any>): string | undefined {
  for (let current: ASTPath<any> | null = ref; current && current.node !== fn.node; current = current.parent) {
    const node = current.node;
    if (['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement'].includes(node.type)) return 'loop';
    const parent = current.parent?.node;
    if (parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node)) {
      const callee = parent.callee;
      const name = isIdentifier(callee) ? callee.name : callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property) ? callee.property.name : undefined;
      if (name && REPEATING.has(name)) return name;
    }
  }
  return undefined;
}

function isPromiseExecutor(fn: ASTPath<any>): boolean {
  const parent = fn.parent?.node;
  return parent?.type === 'NewExpression' && isIdentifier(parent.callee, 'Promise') && parent.arguments[0] === fn.node;
}

// `done: (err: Error | null) => void` or `done: Callback`: `typeof done` then types `doneOnce`'s
// rest parameter. Not `Function`, `any` or an optional parameter, where `(...args) => ...` gets no types.
function hasFunctionType(param: any): boolean {
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (!annotation || param.optional) return false;
  if (annotation.type === 'TSFunctionType') return true;
  return annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name !== 'Function';
}

// `(err: Error) => boolean`: `doneOnce` would return undefined for a dropped call, which does not type-check.
function returnsValueType(param: any): boolean {
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== 'TSFunctionType') return false;
  const returned = (annotation.returnType ?? annotation.typeAnnotation)?.typeAnnotation;
  return !['TSVoidKeyword', 'TSAnyKeyword', 'TSUnknownKeyword', 'TSUndefinedKeyword'].includes(returned?.type);
}

function planTimer(ctx: CodemodContext, timerCall: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const call = timerCall.node;
  const fn = findEnclosingFunction(timerCall);
  if (fn.node.type === 'Program' || call.arguments.length < 1) return null;
  // A promise executor's resolve/reject settle once by design; its timer is executor-timeout's business.
  if (isPromiseExecutor(fn)) return null;
  const timerCallback = call.arguments[0];
  const callbackName = calledParameter(j, timerCallback, fn.node);
  if (!callbackName) return null;
  const settle = singleCall(timerCallback);
  const paramIndex = fn.node.params.findIndex((param: any) => isIdentifier(param, callbackName));
  const paramPath: ASTPath<any> = fn.get('params', paramIndex);
  const references = referencesOf(j, fn, paramPath, callbackName);
  // Only the timer calls it: nothing races.
  const others = references.filter((ref) => !isInside(ref, timerCallback));
  if (others.length === 0) return null;
  const data = { callback: callbackName };

  const places = [timerCallback, ...others.map((ref) => findEnclosingFunction(ref).node).filter((node) => node !== fn.node)];
  const flag = existingFlag(j, fn, places);
  if (flag) return { id: 'alreadyGuarded', node: call, data: { ...data, name: flag } };
  if (!settle || !isIdentifier(settle.callee, callbackName)) return { id: 'timerSideEffects', node: call, data };
  if (!isGlobalName(timerCall, 'setTimeout')) return { id: 'shadowed', node: call, data: { ...data, name: 'setTimeout' } };
  if (!isGlobalName(timerCall, 'clearTimeout')) return { id: 'shadowed', node: call, data: { ...data, name: 'clearTimeout' } };
  if (references.some((ref) => isWrite(ref))) return { id: 'reassigned', node: call, data };

  // The timer is armed by a top-level statement of the function: `setTimeout(...)` or `const h = setTimeout(...)`.
  const body = fn.node.body;
  let timerStatement: ASTPath<any> | undefined;
  let handleName: string | undefined;
  if (timerCall.parent?.node.type === 'ExpressionStatement') {
    timerStatement = timerCall.parent;
  } else if (timerCall.parent?.node.type === 'VariableDeclarator' && timerCall.parent.node.id.type === 'Identifier' && timerCall.parent.parent?.node.kind === 'const' && timerCall.parent.parent.node.declarations.length === 1) {
    timerStatement = timerCall.parent.parent;
    handleName = timerCall.parent.node.id.name;
  }
  if (!timerStatement || body.type !== 'BlockStatement' || timerStatement.parent?.node !== body) return { id: 'timerPosition', node: call, data };

  const timersCalling = j(fn)
    .find(j.CallExpression)
    .filter((path) => isIdentifier(path.node.callee, 'setTimeout') && references.some((ref) => path.node.arguments.some((argument: any) => isInside(ref, argument))));
  if (timersCalling.length > 1) return { id: 'manyTimers', node: call, data };

  // Every other use comes after the timer is armed, as a call or as an argument handed to a producer.
  const timerEnd = timerStatement.node.end ?? timerStatement.node.range?.[1];
  for (const ref of others) {
    const start = ref.node.start ?? ref.node.range?.[0];
    if (typeof start !== 'number' || typeof timerEnd !== 'number' || start < timerEnd) return { id: 'calledBeforeTimer', node: ref.node, data };
    const parent = ref.parent.node;
    const isCallee = parent.type === 'CallExpression' && parent.callee === ref.node;
    const isArgument = (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee !== ref.node && parent.arguments.includes(ref.node);
    const repeated = repeatedContext(ref, fn);
    if (repeated) return { id: 'calledRepeatedly', node: ref.node, data: { ...data, method: repeated } };
    if (!isCallee && !isArgument) {
      let use: ASTPath<any> = ref.parent;
      while (use.parent && (use.node.type === 'ObjectProperty' || use.node.type === 'Property')) use = use.parent;
      return { id: 'usedOtherwise', node: ref.node, data: { ...data, use: codeOf(ctx, use.node).replace(/\s+/g, ' ') } };
    }
  }

  if (handleName) {
    const handleRefs = referencesOf(j, fn, timerCall.parent.get('id'), handleName);
    const onlyCleared = handleRefs.every((ref) => ref.parent.node.type === 'CallExpression' && isIdentifier(ref.parent.node.callee, 'clearTimeout') && ref.parent.node.arguments.length === 1);
    if (!onlyCleared) return { id: 'handleEscapes', node: call, data: { ...data, name: handleName } };
  }

  const param = fn.node.params[paramIndex];
  if (ctx.isTypeScript && !hasFunctionType(param)) return { id: 'untypedCallback', node: call, data };
  if (ctx.isTypeScript && returnsValueType(param)) return { id: 'callbackReturns', node: call, data };
  return { fn, callbackName, timerStatement, timerCall, handleName, references };
}

/* ------------------------------------------------------------------------------------------------
 * Rewrite
 * ---------------------------------------------------------------------------------------------- */

function rewrite(ctx: CodemodContext, plan: Plan, allocate: (base: string, declaredIn?: ASTPath<any>) => string): void {
  const { j } = ctx;
  const settledName = allocate('settled', plan.fn);
  const onceName = allocate(`${plan.callbackName}Once`, plan.fn);
  const handleName = plan.handleName ?? allocate('timerHandle', plan.fn);
  const argsName = allocate('args', plan.fn);
  const declarations: any[] = [];

  // let settled = false;
  declarations.push(j.variableDeclaration('let', [j.variableDeclarator(j.identifier(settledName), j.booleanLiteral(false))]));
  if (!plan.handleName) {
    // let timerHandle: ReturnType<typeof setTimeout> | undefined;
    const handleId = j.identifier(handleName);
    if (ctx.isTypeScript) {
      handleId.typeAnnotation = j.tsTypeAnnotation(
        j.tsUnionType([j.tsTypeReference(j.identifier('ReturnType'), j.tsTypeParameterInstantiation([j.tsTypeQuery(j.identifier('setTimeout'))])), j.tsUndefinedKeyword()]),
      );
    }
    declarations.push(j.variableDeclaration('let', [j.variableDeclarator(handleId)]));
  }
  // const doneOnce: typeof done = (...args) => { if (!settled) { settled = true; clearTimeout(timerHandle); return done(...args); } };
  const onceId = j.identifier(onceName);
  if (ctx.isTypeScript) onceId.typeAnnotation = j.tsTypeAnnotation(j.tsTypeQuery(j.identifier(plan.callbackName)));
  declarations.push(
    j.variableDeclaration('const', [
      j.variableDeclarator(
        onceId,
        j.arrowFunctionExpression(
          [j.restElement(j.identifier(argsName))],
          j.blockStatement([
            j.ifStatement(
              j.unaryExpression('!', j.identifier(settledName)),
              j.blockStatement([
                j.expressionStatement(j.assignmentExpression('=', j.identifier(settledName), j.booleanLiteral(true))),
                j.expressionStatement(j.callExpression(j.identifier('clearTimeout'), [j.identifier(handleName)])),
                j.returnStatement(j.callExpression(j.identifier(plan.callbackName), [j.spreadElement(j.identifier(argsName))])),
              ]),
            ),
          ]),
        ),
      ),
    ]),
  );

  for (const ref of plan.references) ref.replace(j.identifier(onceName));
  // timerHandle = setTimeout(...)
  if (!plan.handleName) plan.timerCall.replace(j.assignmentExpression('=', j.identifier(handleName), plan.timerCall.node));
  insertBefore(j, { kind: 'statement', statement: plan.timerStatement }, declarations);
}
