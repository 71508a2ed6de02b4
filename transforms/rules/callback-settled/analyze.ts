// callback-settled: a callback both a timer and a late producer call. Safe when every call is
// already behind a settled flag and the producer's path clears the timer; fixable by routing every
// call through one guarded `doneOnce` that also clears the timer, under the preconditions below.
import { propertyName } from '../../analysis/resolve';
import type { Binding } from '../../analysis/scope';
import { isFunction, isLoop, unwrap } from '../../analysis/tree';
import type { RuleContext, Verdict } from '../../engine/rule';
import type { CallbackSite } from '../../model/callback';
import type { Facts } from '../../model/facts';
import { isEffectFree } from '../../model/effects';
import type { MessageId } from './messages';

export interface CallbackPlan {
  site: CallbackSite;
  timerStatement: any;
  /** the existing `const h = setTimeout(...)` */
  handleName?: string;
}

type Result = Verdict<CallbackPlan>;

// Methods whose callback runs any number of times: a callback used inside one is not a completion.
const REPEATING = new Set(['on', 'addListener', 'addEventListener', 'prependListener', 'subscribe', 'setInterval', 'forEach', 'map', 'filter', 'reduce', 'some', 'every', 'pipe', 'observe', 'watch']);

export function analyzeCallback(site: CallbackSite, { facts }: RuleContext): Result | undefined {
  const { tree } = facts;
  const call = site.node;
  const name = site.callback.name;
  const data = { callback: name };
  const refuse = (messageId: MessageId, at: any, extra: Record<string, string> = {}): Result => ({ status: 'refused', messageId, at, data: { ...data, ...extra } });
  const unknown = (messageId: MessageId, at: any, extra: Record<string, string> = {}): Result => ({ status: 'unknown', messageId, at, data: { ...data, ...extra } });
  const timerCallback = call.arguments[0];

  // calls in the function's own flow before the timer is armed race nothing
  const racing = site.others.filter((reference) => !(tree.functionOf(reference.node) === site.fn && reference.node.end <= call.start));
  const places = [timerCallback, ...racing.map((reference) => tree.functionOf(reference.node)).filter((fn) => fn !== site.fn)];
  const flag = existingFlag(facts, site, places);
  if (flag) {
    if (producerClears(facts, site, racing)) return { status: 'safe', messageId: 'alreadyGuarded', at: call, data: { ...data, name: flag } };
    return refuse('guardedTimerArmed', call, { name: flag });
  }
  if (site.lookalike) return unknown(site.lookalike.foreign ? 'foreignTimer' : 'shadowed', call, { name: site.lookalike.name });
  const timer = site.timer!;
  // a handle kept for other code, or a callback handed to other code: either may be what guards it
  const kept = timer.capture.kind === 'stored' ? timer.capture.node : timer.uses.find((use) => use.kind === 'escape')?.node;
  if (kept) return unknown('handleEscapes', call, { name: timer.capture.kind === 'stored' ? timer.capture.description : (timer.capture as { binding: { name: string } }).binding.name });
  const storedCallback = racing.find((reference) => {
    const parent = tree.parent(reference.node);
    return (parent?.type === 'ObjectProperty' || parent?.type === 'Property' || parent?.type === 'ArrayExpression') && parent.value !== undefined ? parent.value === reference.node : parent?.type === 'ArrayExpression';
  });
  if (storedCallback) return unknown('usedOtherwise', storedCallback.node, { use: facts.code(tree.parent(tree.parent(storedCallback.node)) ?? storedCallback.node, 120) });
  const effects = singleCall(timerCallback);
  // `done(new Error('#' + ++count))`: arguments that run code would not run once the call is dropped
  if (!effects || facts.scopes.bindingOf(unwrap(effects.callee)) !== site.callback || !effects.arguments.every(isEffectFree)) return refuse('timerSideEffects', call);
  if (!facts.resolver.isFreeAt(call, 'clearTimeout')) return refuse('shadowed', call, { name: 'clearTimeout' });
  if (site.references.some((reference) => reference.write)) return refuse('reassigned', call);

  // The timer is armed by a top-level statement of the function: `setTimeout(...)` or `const h = setTimeout(...)`.
  const body = site.fn.body;
  let timerStatement: any;
  let handleName: string | undefined;
  const holder = tree.parent(timer.expression);
  if (holder?.type === 'ExpressionStatement') timerStatement = holder;
  else if (timer.capture.kind === 'declared' && timer.capture.binding.kind === 'const' && timer.capture.statement.declarations.length === 1 && timer.expression === call) {
    timerStatement = timer.capture.statement;
    handleName = timer.capture.binding.name;
  }
  if (!timerStatement || body.type !== 'BlockStatement' || tree.parent(timerStatement) !== body) return refuse('timerPosition', call);
  // the flag and `doneOnce` go on lines of their own above the timer's statement
  if (!facts.source.ownsLines(timerStatement, timerStatement)) return refuse('sharedLine', call, { code: facts.code(timerStatement, 60) });

  const timersCalling = tree.within(site.fn, 'CallExpression').filter((other) => facts.resolver.is(other.callee, 'setTimeout') && site.references.some((reference) => other.arguments.some((argument: any) => tree.isInside(reference.node, argument))));
  if (timersCalling.length > 1) return refuse('manyTimers', call);

  // Every other use comes after the timer is armed, as a call or as an argument handed to a producer.
  for (const reference of site.others) {
    const node = reference.node;
    if (node.start < timerStatement.end) return refuse('calledBeforeTimer', node);
    // in a function declaration, hoisted: it may be called before the timer, where `doneOnce` would not be initialised yet
    const hoisted = [...tree.ancestors(node)].find((ancestor) => ancestor === site.fn || ancestor.type === 'FunctionDeclaration');
    if (hoisted && hoisted !== site.fn) return refuse('calledFromHoisted', node, { declaration: facts.code(hoisted.id ?? hoisted, 30) });
    const parent = tree.parent(node);
    const isCallee = parent?.type === 'CallExpression' && parent.callee === node;
    const isArgument = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee !== node && parent.arguments.includes(node);
    const repeated = repeatedContext(facts, node, site.fn);
    if (repeated) return refuse('calledRepeatedly', node, { method: repeated });
    if (!isCallee && !isArgument) {
      let use = parent;
      while (tree.parent(use) && (use.type === 'ObjectProperty' || use.type === 'Property')) use = tree.parent(use);
      return refuse('usedOtherwise', node, { use: facts.code(use, 120) });
    }
  }
  if (handleName) {
    const onlyCleared = timer.uses.every((use) => use.kind === 'clear');
    if (!onlyCleared) return unknown('handleEscapes', call, { name: handleName });
  }
  const param = site.callback.id;
  if (facts.typescript && !hasFunctionType(param)) return refuse('untypedCallback', call);
  if (facts.typescript) {
    const typed = callbackType(facts, param);
    if (typed === 'returns') return refuse('callbackReturns', call);
    if (typed === 'overloaded') return refuse('callbackOverloaded', call);
    if (typed === 'unknown') return refuse('callbackTypeUnknown', call);
  }
  return { status: 'fixable', plan: { site, timerStatement, handleName } };
}

// `() => done(err)` or `() => { done(err); }`: the single call, or undefined.
function singleCall(callback: any): any | undefined {
  if (!isFunction(callback) || callback.params.length > 0) return undefined;
  const body = callback.body;
  if (body.type === 'CallExpression') return body;
  if (body.type === 'BlockStatement' && body.body.length === 1 && body.body[0].type === 'ExpressionStatement' && body.body[0].expression.type === 'CallExpression') return body.body[0].expression;
  return undefined;
}

// A `let` flag (`settled`, `finished`, any name, starting false or unset) read where the callback is
// called; or the timer's own handle, reset in its callback and tested before the other calls.
function existingFlag(facts: Facts, site: CallbackSite, places: readonly any[]): string | undefined {
  const { tree, scopes } = facts;
  // read in a test that decides whether each call of the callback there runs (`if (settled) return`,
  // `settled || done()`), not merely read (`if (settled) log('late')`)
  const callsIn = (place: any) => [...site.others, ...site.references].map((reference: any) => reference.node).filter((node: any, index: number, all: any[]) => all.indexOf(node) === index && tree.isInside(node, place) && isCalled(tree, node));
  const guardsIn = (binding: Binding, place: any) => {
    const calls = callsIn(place);
    return calls.length > 0 && calls.every((callNode: any) => binding.references.some((reference) => !reference.write && tree.isInside(reference.node, place) && decides(facts, reference.node, callNode, place)));
  };
  const writtenIn = (binding: Binding, place: any) => binding.references.some((reference) => reference.write && tree.isInside(reference.node, place));
  for (const declarator of tree.within(site.fn, 'VariableDeclarator')) {
    if (tree.parent(declarator).kind !== 'let' || declarator.id.type !== 'Identifier') continue;
    const init = unwrap(declarator.init);
    if (init && !(init.type === 'BooleanLiteral' || (init.type === 'Literal' && typeof init.value === 'boolean'))) continue;
    const binding = scopes.bindingOf(declarator.id);
    // read before every producer's call; the timer reads it too, or sets it (`timedOut = true`)
    const [timerPlace, ...producers] = places;
    // and set by one side where the other tests it: a flag nothing sets guards nothing
    const timerSets = writtenIn(binding!, timerPlace) && producers.every((place) => guardsIn(binding!, place));
    const producersSet = producers.every((place) => writtenIn(binding!, place) && guardsIn(binding!, place)) && guardsIn(binding!, timerPlace);
    if (binding && producers.length > 0 && (timerSets || producersSet)) return binding.name;
  }
  const timer = site.timer;
  const capture = timer?.capture;
  if (capture?.kind === 'declared' && capture.binding.kind === 'let') {
    const resetInTimer = timer!.uses.some((use) => use.kind === 'reset' && tree.isInside(use.node, site.node.arguments[0]));
    // `if (timer) clearTimeout(timer)` guards the clear, not the call: the test must decide the call
    const testedElsewhere = places.slice(1).every((place) => callsIn(place).length > 0 && callsIn(place).every((callNode: any) => timer!.uses.some((use) => use.kind === 'guard' && tree.isInside(use.node, place) && decides(facts, use.node, callNode, place))));
    if (resetInTimer && testedElsewhere && places.length > 1) return capture.binding.name;
  }
  return undefined;
}

// `done(…)` or `done` handed on as a callee's argument: the reference is called there
function isCalled(tree: Facts['tree'], node: any): boolean {
  const parent = tree.parent(node);
  return (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && (parent.callee === node || parent.arguments.includes(node));
}

// `read` sits in the test of an `if`, a `?:` or the left of `&&`/`||` within `place` that decides
// whether `call` runs: the call is in one of its branches (its right side), or the `if` leaves
// (`if (settled) return;`) before the call, which follows it in the same function
function decides(facts: Facts, read: any, call: any, place: any): boolean {
  const { tree } = facts;
  if (!inTest(facts, read, place)) return false;
  let child = read;
  for (const ancestor of tree.ancestors(read)) {
    if (ancestor === place || isFunction(ancestor)) return false;
    if ((ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression') && ancestor.test === child) {
      if (tree.isInside(call, ancestor.consequent) || (ancestor.alternate && tree.isInside(call, ancestor.alternate))) return true;
      if (ancestor.type !== 'IfStatement' || call.start < ancestor.end || tree.functionOf(call) !== tree.functionOf(ancestor)) return false;
      const consequent = ancestor.consequent.type === 'BlockStatement' && ancestor.consequent.body.length === 1 ? ancestor.consequent.body[0] : ancestor.consequent;
      return consequent.type === 'ReturnStatement' || consequent.type === 'ThrowStatement';
    }
    if (ancestor.type === 'LogicalExpression' && ancestor.left === child) return tree.isInside(call, ancestor.right);
    child = ancestor;
  }
  return false;
}

// `node` sits in the test of an `if`, a `?:`, or the left of `&&`/`||`, within `place`
function inTest(facts: Facts, node: any, place: any): boolean {
  const { tree } = facts;
  let child = node;
  for (const ancestor of tree.ancestors(node)) {
    if ((ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression') && ancestor.test === child) return true;
    if (ancestor.type === 'LogicalExpression' && ancestor.left === child) return true;
    if (ancestor === place || isFunction(ancestor)) return false;
    child = ancestor;
  }
  return false;
}

// The producer's path clears the timer: a clear of the handle in every function that calls the callback.
function producerClears(facts: Facts, site: CallbackSite, racing: CallbackSite['others']): boolean {
  const timer = site.timer;
  if (!timer) return false;
  const clears = timer.uses.filter((use) => use.kind === 'clear');
  const callers = racing.map((reference) => facts.tree.functionOf(reference.node));
  return callers.length > 0 && callers.every((caller) => clears.some((clear) => facts.tree.functionOf(clear.node) === caller));
}

// The loop or repeating method (`stream.on('data', ...)`, `setInterval`) between `node` and `fn`, if any.
function repeatedContext(facts: Facts, node: any, fn: any): string | undefined {
  const { tree } = facts;
  for (let current = node; current && current !== fn; current = tree.parent(current)) {
    if (isLoop(current)) return 'loop';
    const parent = tree.parent(current);
    // `port.onmessage = (event) => done(…)`: a handler property runs at every event
    if (isFunction(current) && parent?.type === 'AssignmentExpression' && parent.right === current && (parent.left.type === 'MemberExpression' || parent.left.type === 'OptionalMemberExpression')) return propertyName(parent.left) ?? 'a handler property';
    // `new MutationObserver(cb)`: a constructor's callback may run any number of times (a promise's executor runs once)
    if (isFunction(current) && parent?.type === 'NewExpression' && parent.arguments.includes(current) && !facts.resolver.is(parent.callee, 'Promise')) return `new ${facts.code(parent.callee, 30)}`;
    if (parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(current)) {
      const callee = unwrap(parent.callee);
      const name = callee?.type === 'Identifier' ? callee.name : propertyName(callee);
      if (name && REPEATING.has(name)) return name;
    }
  }
  return undefined;
}

// `done: (err: Error | null) => void` or `done: Callback`: `typeof done` then types `doneOnce`'s
// rest parameter. Not `Function`, `any` or an optional parameter, where `(...args) => ...` gets no types.
function hasFunctionType(param: any): boolean {
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (!annotation || param.optional) return false;
  if (annotation.type === 'TSFunctionType') return true;
  return annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name !== 'Function';
}

// What `typeof done` is, as far as `const doneOnce: typeof done = (...args) => …` must type-check:
// one call signature returning void (or any, unknown, undefined), written inline or by a type alias
// or interface of this file. 'returns': it returns a value, which a dropped call cannot give;
// 'overloaded': several call signatures, which one rest-parameter arrow does not satisfy; 'unknown':
// a type this file does not declare (imported), which may be either.
function callbackType(facts: Facts, param: any): 'ok' | 'returns' | 'overloaded' | 'unknown' {
  const annotation = param.typeAnnotation?.typeAnnotation;
  const voidish = (returned: any) => ['TSVoidKeyword', 'TSAnyKeyword', 'TSUnknownKeyword', 'TSUndefinedKeyword'].includes(returned?.type);
  const ofFunction = (fn: any) => (voidish((fn.returnType ?? fn.typeAnnotation)?.typeAnnotation) ? 'ok' : 'returns');
  if (annotation?.type === 'TSFunctionType') return ofFunction(annotation);
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName?.type !== 'Identifier') return 'unknown';
  const name = annotation.typeName.name;
  const declarations = [...facts.tree.ofType('TSTypeAliasDeclaration'), ...facts.tree.ofType('TSInterfaceDeclaration')].filter((declaration) => declaration.id?.name === name);
  if (declarations.length !== 1) return 'unknown';
  const [declaration] = declarations;
  // `Callback<string>` of `type Callback<T> = (…) => void`: the arguments do not change a void return
  const given = (annotation.typeArguments ?? annotation.typeParameters)?.params?.length ?? 0;
  if (given !== (declaration.typeParameters?.params?.length ?? 0)) return 'unknown';
  if (declaration.type === 'TSTypeAliasDeclaration') return declaration.typeAnnotation?.type === 'TSFunctionType' ? ofFunction(declaration.typeAnnotation) : 'unknown';
  if (declaration.extends?.length) return 'unknown';
  const signatures = declaration.body.body.filter((member: any) => member.type === 'TSCallSignatureDeclaration');
  if (signatures.length !== 1 || signatures.length !== declaration.body.body.length) return signatures.length > 1 ? 'overloaded' : 'unknown';
  return ofFunction(signatures[0]);
}
