// buffered-slot: the article's fix. A one-shot rendezvous channel gets one slot, so its late sender
// finishes — under GFix's preconditions (one channel per run of the function, exactly one send, the
// send is the producer's last statement, the producer runs once with nobody awaiting it, one receive
// not in a loop). An async iterator whose `next()` lost a race to a timer is returned.
import { propertyName } from '../../analysis/resolve';
import type { Binding } from '../../analysis/scope';
import { isFunction, unwrap } from '../../analysis/tree';
import type { Remark, RuleContext, Verdict } from '../../engine/rule';
import { type ChannelSite, cspFunction } from '../../model/channel';
import type { Facts } from '../../model/facts';
import { coverageOf } from '../../model/paths';
import type { RaceSite } from '../../model/race';
import { walkOwn } from '../../model/paths';
import { type RacePlan, analyzeRace } from '../race-timeout/analyze';
import type { MessageId } from './messages';

export type SlotPlan =
  | { kind: 'transform-stream' | 'async-channel' | 'csp-chan'; node: any }
  | { kind: 'repeater'; node: any; importDeclaration: any }
  | { kind: 'iterator'; site: RaceSite; iterator: string; race?: RacePlan };

type Result = Verdict<SlotPlan>;
type Refusal = Extract<Result, { status: 'refused' | 'unknown' | 'safe' }>;

function refusal(messageId: MessageId, at: any, data?: Record<string, string>): Refusal {
  return { status: 'refused', messageId, at, data };
}

export function analyzeSlot(site: ChannelSite | RaceSite, context: RuleContext): Result | undefined {
  if (site.kind === 'race') return analyzeIterator(site, context);
  const { facts } = context;
  if (site.lookalike) return { status: 'unknown', messageId: 'shadowed', at: site.node, data: site.lookalike };
  switch (site.library) {
    case 'transform-stream':
      return transformStream(facts, site.node);
    case 'async-channel':
      return asyncChannel(facts, site.node);
    case 'csp':
      return cspChan(facts, site.node);
    case 'repeater':
      return repeater(facts, site);
  }
}

// `const ch = new X(...)` in a function: the binding, or undefined.
function constBinding(facts: Facts, node: any): Binding | undefined {
  const declarator = facts.tree.parent(node);
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return undefined;
  if (facts.tree.parent(declarator).kind !== 'const') return undefined;
  return facts.scopes.bindingOf(declarator.id);
}

// `const name = <object>.<member>.<method>()`: the binding, when `reference` is `<object>` in that shape.
function constOfChainedCall(facts: Facts, reference: any, member: string, method: string): Binding | undefined {
  const { tree } = facts;
  const memberNode = tree.parent(reference);
  if (memberNode?.type !== 'MemberExpression' || memberNode.object !== reference || propertyName(memberNode) !== member) return undefined;
  const methodNode = tree.parent(memberNode);
  if (methodNode?.type !== 'MemberExpression' || methodNode.object !== memberNode || propertyName(methodNode) !== method) return undefined;
  const call = tree.parent(methodNode);
  if (call?.type !== 'CallExpression' || call.callee !== methodNode || call.arguments.length !== 0) return undefined;
  return constBinding(facts, call);
}

// `<reference>.<method>(...)`: the call.
function callOn(facts: Facts, reference: any, method: string): any | undefined {
  const member = facts.tree.parent(reference);
  if (member?.type !== 'MemberExpression' || member.object !== reference || propertyName(member) !== method) return undefined;
  const call = facts.tree.parent(member);
  return call?.type === 'CallExpression' && call.callee === member ? call : undefined;
}

// The use a reference is part of, for a report: `ch.readable.pipeTo(out)` rather than `ch`.
function describeUse(facts: Facts, reference: any): string {
  let use = reference;
  for (let parent = facts.tree.parent(use); parent && (parent.type === 'MemberExpression' || (parent.type === 'CallExpression' && parent.callee === use)); parent = facts.tree.parent(use)) use = parent;
  if (use === reference && facts.tree.parent(use)) use = facts.tree.parent(use);
  return facts.code(use, 60);
}

// `(async () => { ... })()`: the call, when a function literal is called right where it is written.
function immediateCall(facts: Facts, fn: any): any | undefined {
  const call = facts.tree.parent(fn);
  return call?.type === 'CallExpression' && call.callee === fn ? call : undefined;
}

// An expression whose value nobody reads: `expr;` or `void expr;`.
function isDiscarded(facts: Facts, node: any): boolean {
  const parent = facts.tree.parent(node);
  if (parent?.type === 'ExpressionStatement') return true;
  if (parent?.type === 'UnaryExpression' && parent.operator === 'void') return isDiscarded(facts, parent);
  return false;
}

// The send is the last statement of a function literal that runs once per run of the channel's
// function: an IIFE or a `.then` callback whose result nobody reads (or a js-csp `go` block).
function checkSender(facts: Facts, send: any, channelFn: any, name: string, spawns?: (call: any) => boolean): Refusal | { producer: any } {
  const { tree } = facts;
  if (facts.tree.loopBetween(send, channelFn)) return refusal('sendInLoop', send, { name });
  let expression = send;
  const up = tree.parent(expression);
  if (up?.type === 'AwaitExpression' || (spawns && up?.type === 'YieldExpression' && !up.delegate)) expression = up;
  const holder = tree.parent(expression);
  let producer: any;
  if (holder && (holder.type === 'ExpressionStatement' || holder.type === 'ReturnStatement')) {
    const block = tree.parent(holder);
    const fn = block && tree.parent(block);
    if (block?.type === 'BlockStatement' && isFunction(fn) && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.body === block && block.body[block.body.length - 1] === holder) producer = fn;
  } else if (holder && (holder.type === 'ArrowFunctionExpression' || holder.type === 'FunctionExpression') && holder.body === expression) {
    producer = holder;
  }
  if (!producer) return refusal('sendNotLast', send, { name });
  if (producer === channelFn || tree.functionOf(producer) !== channelFn) return refusal('producerShape', send, { name });
  if (facts.tree.loopBetween(producer, channelFn)) return refusal('sendInLoop', send, { name });
  const iife = immediateCall(facts, producer);
  const parent = tree.parent(producer);
  const thenCall = parent?.type === 'CallExpression' && propertyName(parent.callee) === 'then' && parent.arguments[0] === producer ? parent : undefined;
  const spawned = spawns && parent?.type === 'CallExpression' && parent.arguments.length === 1 && parent.arguments[0] === producer && spawns(parent) ? parent : undefined;
  const call = iife ?? thenCall ?? spawned;
  if (!call || !isDiscarded(facts, call)) return refusal('producerShape', send, { name });
  return { producer };
}

function checkReceiver(facts: Facts, receives: any[], channelFn: any, name: string, node: any): Refusal | undefined {
  if (receives.length !== 1 || facts.tree.loopBetween(receives[0], channelFn)) return refusal('notOneShot', node, { name });
  return undefined;
}

function transformStream(facts: Facts, node: any): Result | undefined {
  const channel = constBinding(facts, node);
  const channelFn = facts.tree.functionOf(node);
  if (!channel || !isFunction(channelFn)) return refusal('channelShape', node, { name: 'TransformStream' });
  const name = channel.name;
  let writer: Binding | undefined;
  let reader: Binding | undefined;
  for (const reference of channel.references) {
    const asWriter = constOfChainedCall(facts, reference.node, 'writable', 'getWriter');
    const asReader = constOfChainedCall(facts, reference.node, 'readable', 'getReader');
    if (asWriter && !writer) writer = asWriter;
    else if (asReader && !reader) reader = asReader;
    else return refusal('channelUsedElsewhere', node, { name, use: describeUse(facts, reference.node) });
  }
  if (!writer || !reader) return refusal('channelUsedElsewhere', node, { name, use: writer ? 'no reader in this function' : 'no writer in this function' });
  const writes: any[] = [];
  for (const reference of writer.references) {
    const write = callOn(facts, reference.node, 'write');
    if (!write) return refusal('channelUsedElsewhere', node, { name, use: describeUse(facts, reference.node) });
    writes.push(write);
  }
  if (writes.length !== 1) return refusal(writes.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, { name, count: String(writes.length), use: 'no write' });
  const sender = checkSender(facts, writes[0], channelFn, name);
  if ('status' in sender) return sender;
  const reads: any[] = [];
  for (const reference of reader.references) {
    const read = callOn(facts, reference.node, 'read');
    if (!read) return refusal('channelUsedElsewhere', node, { name, use: describeUse(facts, reference.node) });
    reads.push(read);
  }
  const receiver = checkReceiver(facts, reads, channelFn, name, node);
  if (receiver) return receiver;
  if (!facts.resolver.isFreeAt(node, 'undefined')) return refusal('shadowed', node, { name: 'undefined', origin: 'global undefined' });
  return { status: 'fixable', plan: { kind: 'transform-stream', node } };
}

// async-channel's `new Channel()` has capacity 0 (`push(v)` waits for a `get()`); `new Channel(1)` holds one value.
function asyncChannel(facts: Facts, node: any): Result | undefined {
  const channel = constBinding(facts, node);
  const channelFn = facts.tree.functionOf(node);
  if (!channel || !isFunction(channelFn)) return refusal('channelShape', node, { name: facts.code(node.callee) });
  const name = channel.name;
  const sends: any[] = [];
  const receives: any[] = [];
  for (const reference of channel.references) {
    const push = callOn(facts, reference.node, 'push');
    const get = callOn(facts, reference.node, 'get');
    if (push && push.arguments.length === 1) sends.push(push);
    else if (get && get.arguments.length === 0) receives.push(get);
    else return refusal('channelUsedElsewhere', node, { name, use: describeUse(facts, reference.node) });
  }
  if (sends.length !== 1) return refusal(sends.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, { name, count: String(sends.length), use: 'no push' });
  const sender = checkSender(facts, sends[0], channelFn, name);
  if ('status' in sender) return sender;
  const receiver = checkReceiver(facts, receives, channelFn, name, node);
  if (receiver) return receiver;
  return { status: 'fixable', plan: { kind: 'async-channel', node } };
}

// js-csp's `chan()` is unbuffered: `yield put(ch, v)` parks the go block until a take, and an
// `alts([ch, timeout(ms)])` the timeout wins withdraws its take, as a Go select does. `chan(1)` holds one.
function cspChan(facts: Facts, node: any): Result | undefined {
  const { tree } = facts;
  const channel = constBinding(facts, node);
  const channelFn = tree.functionOf(node);
  if (!channel || !isFunction(channelFn)) return refusal('channelShape', node, { name: 'chan' });
  const name = channel.name;
  const sends: any[] = [];
  const receives: any[] = [];
  for (const reference of channel.references) {
    const ref = reference.node;
    const parent = tree.parent(ref);
    const operation = parent?.type === 'CallExpression' && parent.arguments[0] === ref ? cspFunction(facts, parent.callee) : undefined;
    const grand = parent && tree.parent(parent);
    const inAlts = parent?.type === 'ArrayExpression' && grand?.type === 'CallExpression' && grand.arguments[0] === parent && cspFunction(facts, grand.callee) === 'alts';
    const isIdentityCheck = parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator);
    if (isIdentityCheck) continue;
    if (operation === 'put' && parent.arguments.length === 2) sends.push(parent);
    else if ((operation === 'take' && parent.arguments.length === 1) || inAlts) receives.push(ref);
    else return refusal('channelUsedElsewhere', node, { name, use: describeUse(facts, ref) });
  }
  if (sends.length !== 1) return refusal(sends.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, { name, count: String(sends.length), use: 'no put' });
  const sender = checkSender(facts, sends[0], channelFn, name, (call) => cspFunction(facts, call.callee) === 'go');
  if ('status' in sender) return sender;
  if (!sender.producer.generator || tree.parent(sends[0])?.type !== 'YieldExpression') return refusal('producerShape', sends[0], { name });
  const receiver = checkReceiver(facts, receives, channelFn, name, node);
  if (receiver) return receiver;
  return { status: 'fixable', plan: { kind: 'csp-chan', node } };
}

function repeater(facts: Facts, site: ChannelSite): Result | undefined {
  const { tree, scopes } = facts;
  const node = site.node;
  const executor = unwrap(node.arguments[0]);
  if (!isFunction(executor) || !executor.async) return undefined;
  const [pushParam, stopParam] = executor.params;
  if (pushParam?.type !== 'Identifier') return undefined;
  const pushes = scopes.bindingOf(pushParam)?.references.map((reference) => reference.node) ?? [];
  // Only an awaited push blocks the executor; an executor that never awaits a push leaks nothing here.
  const awaited = pushes.filter((ref) => tree.parent(ref)?.type === 'CallExpression' && tree.parent(ref).callee === ref && tree.parent(tree.parent(ref))?.type === 'AwaitExpression');
  if (awaited.length === 0) return undefined;
  const channel = constBinding(facts, node);
  const channelName = channel?.name ?? 'Repeater';
  if (pushes.length !== 1) return refusal('manySends', node, { name: channelName, count: String(pushes.length) });
  if (stopParam?.type === 'Identifier' && (scopes.bindingOf(stopParam)?.references.length ?? 0) > 0) return refusal('stopUsed', node, { name: channelName, stop: stopParam.name });
  if (facts.tree.loopBetween(pushes[0], executor)) return refusal('sendInLoop', tree.parent(pushes[0]), { name: channelName });
  const pushCall = tree.parent(pushes[0]);
  const awaitNode = tree.parent(pushCall);
  const statement = tree.parent(awaitNode);
  const body = executor.body;
  const isLast = body === awaitNode || (body.type === 'BlockStatement' && statement?.type === 'ExpressionStatement' && tree.parent(statement) === body && body.body[body.body.length - 1] === statement);
  if (!isLast) return refusal('sendNotLast', pushCall, { name: channelName });
  // The receiver: one `.next()` on the repeater, not in a loop.
  const channelFn = tree.functionOf(node);
  let receives: any[];
  if (channel && isFunction(channelFn)) {
    receives = [];
    for (const reference of channel.references) {
      const next = callOn(facts, reference.node, 'next');
      if (!next || next.arguments.length !== 0) return refusal('channelUsedElsewhere', node, { name: channelName, use: describeUse(facts, reference.node) });
      receives.push(next);
    }
  } else {
    const direct = callOn(facts, node, 'next');
    if (!direct || !isFunction(channelFn)) return refusal('channelShape', node, { name: facts.code(node.callee) });
    receives = [direct];
  }
  const receiver = checkReceiver(facts, receives, channelFn, channelName, node);
  if (receiver) return receiver;
  return { status: 'fixable', plan: { kind: 'repeater', node, importDeclaration: site.importDeclaration } };
}

/* ------------------------------------------------------------------------------------------------
 * The abandoned async iterator
 * ---------------------------------------------------------------------------------------------- */

function analyzeIterator(site: RaceSite, context: RuleContext): Result | undefined {
  const { facts } = context;
  if (!site.builtinPromise) return undefined;
  const timerVerdict = analyzeRace(site, context);
  const racePlan = timerVerdict?.status === 'fixable' ? timerVerdict.plan : undefined;
  const remarks: Remark[] = timerVerdict?.status === 'fixable' ? [...(timerVerdict.remarks ?? [])] : [];
  const iterator = iteratorVerdict(site, context, timerVerdict);
  if (iterator === undefined) return racePlan ? { status: 'fixable', plan: { kind: 'iterator', site, iterator: '', race: racePlan }, remarks } : undefined;
  if ('returnIt' in iterator) {
    if (!racePlan && timerVerdict && timerVerdict.status !== 'safe') return timerVerdict as Result;
    return { status: 'fixable', plan: { kind: 'iterator', site, iterator: iterator.returnIt, race: racePlan }, remarks };
  }
  // the iterator is left as it is (not ours to return, or returned already): the timer still is ours
  if (racePlan) return { status: 'fixable', plan: { kind: 'iterator', site, iterator: '', race: racePlan }, remarks: [...remarks, iterator] };
  if (iterator.status === 'safe' && timerVerdict && timerVerdict.status !== 'safe') return timerVerdict as Result;
  return iterator as Result;
}

// Whether the iterator the race reads is returned when the timer wins: a verdict on that part
// alone, or the name to return it by.
function iteratorVerdict(site: RaceSite, { facts }: RuleContext, timerVerdict: Verdict<RacePlan> | undefined): Remark | { returnIt: string } | undefined {
  const { tree, scopes, resolver } = facts;
  const race = site.node;
  const iteratorArms = site.arms.filter((arm) => arm.arm.role === 'iterator');
  if (iteratorArms.length !== 1) return undefined;
  const arm = iteratorArms[0].arm as { next: any; iterator: any };
  const iterator = arm.iterator;
  const name = iterator?.type === 'Identifier' ? iterator.name : facts.code(iterator, 40);
  const refuse = (messageId: MessageId, data: Record<string, string> = {}): Remark => ({ status: 'refused', messageId, at: race, data: { name, ...data } });
  const fn = tree.functionOf(race);
  // `const it = gen(...)` in this function, with `gen` an async generator of this file
  const binding = iterator?.type === 'Identifier' ? scopes.bindingOf(iterator) : undefined;
  const declarator = binding?.declaration;
  const init = binding?.kind === 'const' && declarator?.id === binding.id ? unwrap(declarator.init) : undefined;
  // a channel object (`new Repeater(...)`) is another shape's business
  if (init?.type === 'NewExpression') return undefined;
  const generator = init?.type === 'CallExpression' ? resolver.localFunctionOf(init.callee)?.fn : undefined;
  if (!binding || !generator?.async || !generator.generator || tree.functionOf(declarator) !== fn || !isFunction(fn)) return { ...refuse('iteratorNotOwned'), status: 'unknown' };
  const others = binding.references.filter((reference) => !tree.isInside(reference.node, arm.next));
  const returns = others.map((reference) => callOn(facts, reference.node, 'return')).filter((call) => call !== undefined);
  if (returns.length > 0 && returns.length === others.length) {
    // returned on the path where the timer wins (the race rejects), after the race settled
    if (returns.some((call) => coverageOf(tree, race, call).has('rejected'))) return { status: 'safe', messageId: 'alreadyReturned', at: race, data: { name } };
    return refuse('returnedOnSomePaths');
  }
  if (others.length > 0) return { ...refuse('iteratorUsedElsewhere'), status: 'unknown' };
  // The race's rejection must leave the function: awaited or returned, with no try/catch around it.
  if (!rejectionLeavesFunction(facts, race, fn)) return { ...refuse('raceCaught'), status: 'unknown' };
  if (timerVerdict && timerVerdict.status !== 'safe' && timerVerdict.status !== 'fixable') return timerVerdict;
  if (site.timerOutcome !== 'rejected') return refuse('timerNotRejecting', { arm: facts.code(site.timerArms[0]?.element, 60) });
  if (facts.typescript && (returnsValue(generator) || !returnTakesNothing(generator.returnType?.typeAnnotation) || (declarator.id.typeAnnotation && !returnTakesNothing(declarator.id.typeAnnotation.typeAnnotation)))) return refuse('iteratorReturnsValue');
  return { returnIt: name };
}

// `await <race>` or `return <race>`, with no try/catch around it in this function.
function rejectionLeavesFunction(facts: Facts, race: any, fn: any): boolean {
  const { tree } = facts;
  let top = race;
  let parent = tree.parent(top);
  while (parent && ['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(parent.type)) {
    top = parent;
    parent = tree.parent(top);
  }
  if (parent?.type !== 'AwaitExpression' && parent?.type !== 'ReturnStatement' && !(parent?.type === 'ArrowFunctionExpression' && parent.body === top)) return false;
  for (const ancestor of tree.ancestors(top)) {
    if (ancestor === fn) break;
    if (ancestor.type === 'TryStatement' && ancestor.handler && tree.isInside(top, ancestor.block)) return false;
    if (ancestor.type === 'CallExpression' || ancestor.type === 'NewExpression') return false;
  }
  return true;
}

// TypeScript: `it.return()` with no argument type-checks on an `AsyncGenerator<T>` (or one whose
// TReturn is void, undefined, any or unknown), or on a generator with no annotation; not on an
// `AsyncIterableIterator` (its `return` is optional) or an `AsyncGenerator<T, number>` (it wants one).
function returnTakesNothing(annotation: any): boolean {
  if (!annotation) return true;
  if (annotation.type !== 'TSTypeReference' || annotation.typeName?.type !== 'Identifier' || annotation.typeName.name !== 'AsyncGenerator') return false;
  const params = (annotation.typeArguments ?? annotation.typeParameters)?.params ?? [];
  return params.length < 2 || ['TSVoidKeyword', 'TSUndefinedKeyword', 'TSAnyKeyword', 'TSUnknownKeyword'].includes(params[1].type);
}

function returnsValue(fn: any): boolean {
  let found = false;
  walkOwn(fn.body, (node) => {
    if (node.type === 'ReturnStatement' && node.argument != null) found = true;
  });
  return found;
}
