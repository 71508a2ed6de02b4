import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { findImportOf, isGlobalName } from './lib/bindings';
import { type Codemod, type CodemodContext, recordFixedSite, runCodemods } from './lib/codemod';
import { createNameAllocator } from './lib/names';
import {
  findEnclosingFunction,
  isFunctionLiteral,
  isIdentifier,
  isImmediatelyCalled,
  isInLoopBelow,
  isInside,
  isValueDiscarded,
  methodName,
  propertyName,
  referencesOf,
  unwrapExpression,
} from './lib/nodes';
import { codeLine, collectPlans, type MessageTable, type Refusal as SiteRefusal } from './lib/report';

// The article's Listing 5: `make(chan result, 1)` lets the late sender finish. A rendezvous
// channel in JavaScript blocks its producer the same way once the consumer has timed out:
//   - `await writer.write(v)` on a default `new TransformStream()` (readable highWaterMark 0),
//   - `await push(v)` in an unbuffered `new Repeater(executor)`,
//   - an async generator whose consumer raced `it.next()` against a timer and never returned it.
// The first two get a one-slot buffer, under GFix's preconditions (one send per channel, the send
// is the producer's last action, not in a loop); the third is returned when the race rejects.

export const MESSAGES = {
  shadowed: {
    what: 'rendezvous channel `{name}`',
    why: '`{name}` here is not the {origin}',
    fix: 'rename the local `{name}`, or give the channel a one-slot buffer by hand',
  },
  channelShape: {
    what: 'rendezvous channel `new {name}()`',
    why: 'it is not held in a const of the function that uses it, so its sends and receives cannot be counted',
    fix: 'declare the channel in the function that sends and receives on it, or give it a one-slot buffer by hand',
  },
  channelUsedElsewhere: {
    what: 'rendezvous channel `{name}`',
    why: 'it is used beyond one send and one receive (`{use}`), so a buffer could change what a reader sees',
    fix: 'if exactly one value is ever sent, give it a one-slot buffer by hand',
  },
  manySends: {
    what: 'rendezvous channel `{name}`',
    why: 'it has {count} sends; a one-slot buffer frees only a single sender',
    fix: 'send once per channel, or have the receiver drain or cancel the channel when it gives up',
  },
  sendNotLast: {
    what: 'rendezvous channel `{name}`',
    why: 'the send is not the producer\'s last action, so buffering it would let the producer run on earlier',
    fix: 'make the send the last statement of the producer, or cancel the channel when the receiver gives up',
  },
  sendInLoop: {
    what: 'rendezvous channel `{name}`',
    why: 'the producer runs in a loop, so more than one value may be sent',
    fix: 'create one channel per producer, or cancel the channel when the receiver gives up',
  },
  producerShape: {
    what: 'rendezvous channel `{name}`',
    why: 'the sending function is not called once right where it is written (an IIFE or a `.then` callback) with its result unused',
    fix: 'send from an immediately called async function whose result nobody awaits, or buffer the channel by hand',
  },
  notOneShot: {
    what: 'rendezvous channel `{name}`',
    why: 'it is received from more than once or in a loop, so it is not a one-shot channel',
    fix: 'if exactly one value is ever sent, give it a one-slot buffer by hand',
  },
  stopUsed: {
    what: 'Repeater `{name}`',
    why: 'the executor also uses `{stop}`, so the push is not the only way the repeater ends',
    fix: 'give the repeater `new FixedBuffer(1)` by hand if the push is still the last thing it does',
  },
  iteratorNotOwned: {
    what: '`{name}.next()` raced against a timer',
    why: '`{name}` is not an async generator this function created, so returning it could close a stream someone else reads',
    fix: 'call `{name}.return()` when the timer wins, if this code owns the iterator',
  },
  iteratorUsedElsewhere: {
    what: '`{name}.next()` raced against a timer',
    why: 'the iterator is used again outside this race, so returning it when the timer wins could end a later read',
    fix: 'call `{name}.return()` once this code is done with the iterator',
  },
  raceCaught: {
    what: '`{name}.next()` raced against a timer',
    why: 'the race\'s rejection is handled in this function, which may go on reading the iterator',
    fix: 'call `{name}.return()` on the path that gives up on the iterator',
  },
  timerNotRejecting: {
    what: '`{name}.next()` raced against a timer',
    why: 'the timer arm `{arm}` is not an inline timer that rejects, so the timeout may not reach a rejection handler',
    fix: 'race against `new Promise((_, reject) => setTimeout(() => reject(err), ms))`, or call `{name}.return()` when your timer wins',
  },
  iteratorReturnsValue: {
    what: '`{name}.next()` raced against a timer',
    why: 'the generator returns a value, so `{name}.return()` needs an argument of its return type',
    fix: 'call `{name}.return(value)` when the timer wins',
  },
  alreadyReturned: {
    what: '`{name}.next()` raced against a timer',
    why: 'the iterator is already returned by this function',
    fix: 'nothing to do',
    severity: 'note',
  },
} satisfies MessageTable<string>;

type MessageId = keyof typeof MESSAGES;

type Refusal = SiteRefusal<MessageId>;

type Plan =
  | { kind: 'transform-stream'; newPath: ASTPath<any> }
  | { kind: 'async-channel'; newPath: ASTPath<any> }
  | { kind: 'csp-chan'; callPath: ASTPath<any> }
  | { kind: 'repeater'; newPath: ASTPath<any>; importPath: ASTPath<any> }
  | { kind: 'iterator'; racePath: ASTPath<any>; iteratorName: string };

const REPEATER_MODULE = '@repeaterjs/repeater';
const ASYNC_CHANNEL_MODULE = 'async-channel';
const CSP_MODULE = 'js-csp';

export const bufferedSlot: Codemod = {
  name: 'buffered-slot',
  summary: 'Gives a one-shot rendezvous channel (`new TransformStream()`, an unbuffered `Repeater`) a one-slot buffer so its late sender finishes, and returns an async iterator that lost a race to a timer.',
  mayApply: (source) =>
    source.includes('TransformStream') || source.includes('Repeater') || source.includes(ASYNC_CHANNEL_MODULE) || source.includes(CSP_MODULE) || /\.next\(\)/.test(source),
  calls: ['TransformStream', 'Repeater', 'Channel', 'chan', 'race'],
  apply: (ctx) => {
    const { j, root } = ctx;
    const { plans, consider } = collectPlans<Plan, MessageId>(ctx, MESSAGES);
    // A library's channel can only be in a file that names the library: the text says which walks to make.
    const source = ctx.file.source;
    const repeaterImports = source.includes(REPEATER_MODULE) ? ctx.find(j.ImportDeclaration, { source: { value: REPEATER_MODULE } }) : undefined;
    const mayUseAsyncChannel = source.includes(ASYNC_CHANNEL_MODULE);
    ctx.find(j.NewExpression).forEach((newPath) => {
      const callee = newPath.node.callee;
      if (isIdentifier(callee, 'TransformStream')) consider(planTransformStream(ctx, newPath));
      else if (callee.type === 'Identifier' && mayUseAsyncChannel && isAsyncChannel(newPath, callee.name)) consider(planAsyncChannel(ctx, newPath));
      else if (callee.type === 'Identifier' && repeaterImports) consider(planRepeater(ctx, newPath, repeaterImports));
    });
    ctx
      .find(j.CallExpression)
      .filter((path) => methodName(path.node) === 'race')
      .forEach((racePath) => consider(planIterator(ctx, racePath)));
    if (source.includes(CSP_MODULE)) {
      ctx
        .find(j.CallExpression)
        .filter((path) => cspFunction(path, path.node.callee) === 'chan')
        .forEach((chanPath) => consider(planCspChan(ctx, chanPath)));
    }

    if (plans.length === 0) return false;
    const allocateName = createNameAllocator(ctx);
    for (const plan of plans) {
      if (plan.kind === 'transform-stream') {
        recordFixedSite(ctx, bufferedSlot.name, plan.newPath.node);
        bufferTransformStream(j, plan.newPath);
      } else if (plan.kind === 'async-channel') {
        recordFixedSite(ctx, bufferedSlot.name, plan.newPath.node);
        // new Channel()  →  new Channel(1)
        plan.newPath.node.arguments.push(j.numericLiteral(1));
      } else if (plan.kind === 'csp-chan') {
        recordFixedSite(ctx, bufferedSlot.name, plan.callPath.node);
        // csp.chan()  →  csp.chan(1), Go's make(chan result, 1)
        plan.callPath.node.arguments.push(j.numericLiteral(1));
      } else if (plan.kind === 'repeater') {
        recordFixedSite(ctx, bufferedSlot.name, plan.newPath.node);
        bufferRepeater(j, plan, allocateName);
      } else {
        recordFixedSite(ctx, bufferedSlot.name, plan.racePath.node);
        returnIteratorOnRejection(j, plan, allocateName);
      }
    }
    return plans.length > 0;
  },
};

export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  return runCodemods([bufferedSlot], file, api, options);
}

/* ------------------------------------------------------------------------------------------------
 * Safety: the one-shot channel (GFix's single sender, send last, not in a loop)
 * ---------------------------------------------------------------------------------------------- */

// `const ch = new X(...)` in a function: the declarator's id path, or undefined.
function constBindingOf(newPath: ASTPath<any>): ASTPath<any> | undefined {
  const declarator = newPath.parent;
  if (declarator?.node.type !== 'VariableDeclarator' || declarator.node.init !== newPath.node) return undefined;
  if (declarator.parent?.node.kind !== 'const' || declarator.node.id.type !== 'Identifier') return undefined;
  return declarator.get('id');
}

// `const name = <object>.<member>.<method>()`: the declared name, when `refPath` is `<object>` in that shape.
function constOfChainedCall(refPath: ASTPath<any>, member: string, method: string): ASTPath<any> | undefined {
  const memberPath = refPath.parent;
  if (memberPath?.node.type !== 'MemberExpression' || memberPath.node.object !== refPath.node || propertyName(memberPath.node) !== member) return undefined;
  const methodPath = memberPath.parent;
  if (methodPath?.node.type !== 'MemberExpression' || methodPath.node.object !== memberPath.node || propertyName(methodPath.node) !== method) return undefined;
  const callPath = methodPath.parent;
  if (callPath?.node.type !== 'CallExpression' || callPath.node.callee !== methodPath.node || callPath.node.arguments.length !== 0) return undefined;
  return constBindingOf(callPath as ASTPath<any>);
}

// `<ref>.<method>(...)` with `ref` the receiver: the call's path.
function callOnReference(refPath: ASTPath<any>, method: string): ASTPath<any> | undefined {
  const memberPath = refPath.parent;
  if (memberPath?.node.type !== 'MemberExpression' || memberPath.node.object !== refPath.node || propertyName(memberPath.node) !== method) return undefined;
  const callPath = memberPath.parent;
  if (callPath?.node.type !== 'CallExpression' || callPath.node.callee !== memberPath.node) return undefined;
  return callPath;
}

// The use a reference is part of, for a report: `ch.readable.pipeTo(out)` rather than `ch`.
function describeUse(ctx: CodemodContext, refPath: ASTPath<any>): string {
  let use: ASTPath<any> = refPath;
  while (use.parent && (use.parent.node.type === 'MemberExpression' || (use.parent.node.type === 'CallExpression' && use.parent.node.callee === use.node))) use = use.parent;
  if (use === refPath && use.parent) use = use.parent;
  return codeLine(ctx, use.node, 60);
}

// The send is the last statement of a function literal that runs once per run of the channel's
// function: an IIFE or a `.then` callback, called right there, whose result nobody reads.
// `spawns` names the call that runs a producer once, when it is not an IIFE or a `.then`: js-csp's `go(function* () {...})`.
function checkSender(sendPath: ASTPath<any>, channelFn: ASTPath<any>, name: string, spawns?: (call: any) => boolean): Refusal | { producer: ASTPath<any> } {
  if (isInLoopBelow(sendPath, channelFn.node)) return { id: 'sendInLoop', node: sendPath.node, data: { name } };
  let expression: ASTPath<any> = sendPath;
  if (expression.parent?.node.type === 'AwaitExpression' || (spawns && expression.parent?.node.type === 'YieldExpression' && !expression.parent.node.delegate)) expression = expression.parent;
  const holder = expression.parent;
  let producer: ASTPath<any> | undefined;
  if (holder && (holder.node.type === 'ExpressionStatement' || holder.node.type === 'ReturnStatement')) {
    const block = holder.parent;
    const fnPath = block?.parent;
    if (block?.node.type === 'BlockStatement' && fnPath && isFunctionLiteral(fnPath.node) && fnPath.node.body === block.node && block.node.body[block.node.body.length - 1] === holder.node) producer = fnPath;
  } else if (holder && isFunctionLiteral(holder.node) && holder.node.body === expression.node) {
    producer = holder;
  }
  if (!producer) return { id: 'sendNotLast', node: sendPath.node, data: { name } };
  if (producer.node === channelFn.node || findEnclosingFunction(producer).node !== channelFn.node) return { id: 'producerShape', node: sendPath.node, data: { name } };
  if (isInLoopBelow(producer, channelFn.node)) return { id: 'sendInLoop', node: sendPath.node, data: { name } };
  const iife = isImmediatelyCalled(producer);
  const thenCall = producer.parent?.node.type === 'CallExpression' && methodName(producer.parent.node) === 'then' && producer.parent.node.arguments[0] === producer.node ? producer.parent : undefined;
  const spawned = spawns && producer.parent?.node.type === 'CallExpression' && producer.parent.node.arguments.length === 1 && producer.parent.node.arguments[0] === producer.node && spawns(producer.parent.node) ? producer.parent : undefined;
  const call = iife ?? thenCall ?? spawned;
  if (!call || !isValueDiscarded(call)) return { id: 'producerShape', node: sendPath.node, data: { name } };
  return { producer };
}

// The one receive: a single call not in a loop.
function checkReceiver(receives: ASTPath<any>[], channelFn: ASTPath<any>, name: string, node: any): Refusal | null {
  if (receives.length !== 1 || isInLoopBelow(receives[0], channelFn.node)) return { id: 'notOneShot', node, data: { name } };
  return null;
}

function planTransformStream(ctx: CodemodContext, newPath: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const node = newPath.node;
  // A stream built with a transformer or strategies is a stream, not a bare channel (and our own output has them).
  if (node.arguments.length !== 0) return null;
  if (!isGlobalName(newPath, 'TransformStream')) return { id: 'shadowed', node, data: { name: 'TransformStream', origin: 'global TransformStream' } };
  const channelId = constBindingOf(newPath);
  const channelFn = findEnclosingFunction(newPath);
  if (!channelId || channelFn.node.type === 'Program') return { id: 'channelShape', node, data: { name: 'TransformStream' } };
  const name = channelId.node.name;

  let writerId: ASTPath<any> | undefined;
  let readerId: ASTPath<any> | undefined;
  for (const ref of referencesOf(j, channelFn, channelId, name)) {
    const asWriter = constOfChainedCall(ref, 'writable', 'getWriter');
    const asReader = constOfChainedCall(ref, 'readable', 'getReader');
    if (asWriter && !writerId) writerId = asWriter;
    else if (asReader && !readerId) readerId = asReader;
    else return { id: 'channelUsedElsewhere', node, data: { name, use: describeUse(ctx, ref) } };
  }
  if (!writerId || !readerId) return { id: 'channelUsedElsewhere', node, data: { name, use: writerId ? 'no reader in this function' : 'no writer in this function' } };

  const writes: ASTPath<any>[] = [];
  for (const ref of referencesOf(j, channelFn, writerId, writerId.node.name)) {
    const write = callOnReference(ref, 'write');
    if (!write) return { id: 'channelUsedElsewhere', node, data: { name, use: describeUse(ctx, ref) } };
    writes.push(write);
  }
  if (writes.length !== 1) return { id: writes.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, data: { name, count: String(writes.length), use: 'no write' } };
  const sender = checkSender(writes[0], channelFn, name);
  if ('id' in sender) return sender;

  const reads: ASTPath<any>[] = [];
  for (const ref of referencesOf(j, channelFn, readerId, readerId.node.name)) {
    const read = callOnReference(ref, 'read');
    if (!read) return { id: 'channelUsedElsewhere', node, data: { name, use: describeUse(ctx, ref) } };
    reads.push(read);
  }
  const receiver = checkReceiver(reads, channelFn, name, node);
  if (receiver) return receiver;
  if (!isGlobalName(newPath, 'undefined')) return { id: 'shadowed', node, data: { name: 'undefined', origin: 'global undefined' } };
  return { kind: 'transform-stream', newPath };
}

// `Channel` of async-channel: `new Channel()` has capacity 0, so `push(v)` waits for a `get()`
// (confirmed on 0.2.0 in test/buffered-slot.libraries.test.ts); `new Channel(1)` holds one value.
function isAsyncChannel(path: ASTPath<any>, name: string): boolean {
  const origin = findImportOf(path, name);
  return origin !== undefined && origin.source === ASYNC_CHANNEL_MODULE && origin.imported === 'Channel';
}

function planAsyncChannel(ctx: CodemodContext, newPath: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const node = newPath.node;
  // a capacity is given already
  if (node.arguments.length !== 0) return null;
  const channelId = constBindingOf(newPath);
  const channelFn = findEnclosingFunction(newPath);
  if (!channelId || channelFn.node.type === 'Program') return { id: 'channelShape', node, data: { name: node.callee.name } };
  const name = channelId.node.name;
  const sends: ASTPath<any>[] = [];
  const receives: ASTPath<any>[] = [];
  for (const ref of referencesOf(j, channelFn, channelId, name)) {
    const push = callOnReference(ref, 'push');
    const get = callOnReference(ref, 'get');
    if (push && push.node.arguments.length === 1) sends.push(push);
    else if (get && get.node.arguments.length === 0) receives.push(get);
    // `await ch`, `ch.then(...)`, iteration, `close()`, passing it on: not a one-shot channel we can count
    else return { id: 'channelUsedElsewhere', node, data: { name, use: describeUse(ctx, ref) } };
  }
  if (sends.length !== 1) return { id: sends.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, data: { name, count: String(sends.length), use: 'no push' } };
  const sender = checkSender(sends[0], channelFn, name);
  if ('id' in sender) return sender;
  const receiver = checkReceiver(receives, channelFn, name, node);
  if (receiver) return receiver;
  return { kind: 'async-channel', newPath };
}

// Which js-csp function a callee is: `csp.chan` with `csp` the module (default, namespace or
// `require('js-csp')`), or a named import (`import { chan } from 'js-csp'`). Undefined otherwise.
function cspFunction(path: ASTPath<any>, callee: any): string | undefined {
  if (isIdentifier(callee)) {
    const origin = findImportOf(path, callee.name);
    return origin?.source === CSP_MODULE && origin.imported !== 'default' && origin.imported !== '*' ? origin.imported : undefined;
  }
  if (callee?.type !== 'MemberExpression' || callee.computed || !isIdentifier(callee.object) || !isIdentifier(callee.property)) return undefined;
  return isCspModule(path, callee.object.name) ? callee.property.name : undefined;
}

function isCspModule(path: ASTPath<any>, name: string): boolean {
  const origin = findImportOf(path, name);
  if (origin) return origin.source === CSP_MODULE && (origin.imported === 'default' || origin.imported === '*');
  // const csp = require('js-csp') at module level
  const scope = path.scope?.lookup(name);
  if (!scope?.isGlobal) return false;
  return (scope.node.body ?? []).some(
    (statement: any) =>
      statement.type === 'VariableDeclaration' &&
      statement.declarations.some(
        (declarator: any) =>
          isIdentifier(declarator.id, name) &&
          declarator.init?.type === 'CallExpression' &&
          isIdentifier(declarator.init.callee, 'require') &&
          declarator.init.arguments.length === 1 &&
          declarator.init.arguments[0].value === CSP_MODULE,
      ),
  );
}

// js-csp's `chan()` is unbuffered: `yield put(ch, v)` parks the go block until a take, and an
// `alts([ch, timeout(ms)])` that the timeout wins withdraws its take, as a Go select does
// (confirmed in test/buffered-slot.libraries.test.ts). `chan(1)` holds one value.
function planCspChan(ctx: CodemodContext, chanPath: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const node = chanPath.node;
  // a buffer or a size is given already
  if (node.arguments.length !== 0) return null;
  const channelId = constBindingOf(chanPath);
  const channelFn = findEnclosingFunction(chanPath);
  if (!channelId || channelFn.node.type === 'Program') return { id: 'channelShape', node, data: { name: 'chan' } };
  const name = channelId.node.name;
  const sends: ASTPath<any>[] = [];
  const receives: ASTPath<any>[] = [];
  for (const ref of referencesOf(j, channelFn, channelId, name)) {
    const parent = ref.parent?.node;
    const operation = parent?.type === 'CallExpression' && parent.arguments[0] === ref.node ? cspFunction(ref.parent, parent.callee) : undefined;
    const inAlts =
      parent?.type === 'ArrayExpression' &&
      ref.parent.parent?.node.type === 'CallExpression' &&
      ref.parent.parent.node.arguments[0] === parent &&
      cspFunction(ref.parent.parent, ref.parent.parent.node.callee) === 'alts';
    const isIdentityCheck = parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator);
    if (isIdentityCheck) continue;
    if (operation === 'put' && parent.arguments.length === 2) sends.push(ref.parent);
    else if ((operation === 'take' && parent.arguments.length === 1) || inAlts) receives.push(ref);
    else return { id: 'channelUsedElsewhere', node, data: { name, use: describeUse(ctx, ref) } };
  }
  if (sends.length !== 1) return { id: sends.length === 0 ? 'channelUsedElsewhere' : 'manySends', node, data: { name, count: String(sends.length), use: 'no put' } };
  const sender = checkSender(sends[0], channelFn, name, (call) => cspFunction(chanPath, call.callee) === 'go');
  if ('id' in sender) return sender;
  if (!sender.producer.node.generator || sends[0].parent?.node.type !== 'YieldExpression') return { id: 'producerShape', node: sends[0].node, data: { name } };
  const receiver = checkReceiver(receives, channelFn, name, node);
  if (receiver) return receiver;
  return { kind: 'csp-chan', callPath: chanPath };
}

// `import { Repeater } from '@repeaterjs/repeater'`: the import declaration, when `name` at `path` is that import.
function repeaterImport(repeaterImports: Collection<any>, path: ASTPath<any>, name: string): ASTPath<any> | undefined {
  const origin = findImportOf(path, name);
  if (!origin || origin.source !== REPEATER_MODULE || origin.imported !== 'Repeater') return undefined;
  const declarations = repeaterImports.filter((declaration) =>
    (declaration.node.specifiers ?? []).some((specifier: any) => specifier.local?.name === name),
  );
  return declarations.length === 1 ? declarations.paths()[0] : undefined;
}

// `repeaterImports`: the file's imports of @repeaterjs/repeater, found once per file.
function planRepeater(ctx: CodemodContext, newPath: ASTPath<any>, repeaterImports: Collection<any>): Plan | Refusal | null {
  const { j } = ctx;
  const node = newPath.node;
  const calleeName: string = node.callee.name;
  const importPath = repeaterImport(repeaterImports, newPath, calleeName);
  if (!importPath) {
    if (calleeName === 'Repeater' && repeaterImports.length > 0) return { id: 'shadowed', node, data: { name: 'Repeater', origin: `Repeater of ${REPEATER_MODULE}` } };
    return null;
  }
  // A second argument is a buffer already.
  if (node.arguments.length !== 1) return null;
  const executor = node.arguments[0];
  if (!isFunctionLiteral(executor) || !executor.async) return null;
  const [pushParam, stopParam] = executor.params;
  if (!isIdentifier(pushParam)) return null;
  const executorPath: ASTPath<any> = newPath.get('arguments', 0);
  const pushes = referencesOf(j, executorPath, executorPath.get('params', 0), pushParam.name);
  // Only an awaited push blocks the executor; an executor that never awaits a push leaks nothing here.
  const awaited = pushes.filter((ref) => ref.parent?.node.type === 'CallExpression' && ref.parent.node.callee === ref.node && ref.parent.parent?.node.type === 'AwaitExpression');
  if (awaited.length === 0) return null;
  const channelName = (constBindingOf(newPath)?.node.name as string | undefined) ?? 'Repeater';
  if (pushes.length !== 1) return { id: 'manySends', node, data: { name: channelName, count: String(pushes.length) } };
  if (isIdentifier(stopParam) && referencesOf(j, executorPath, executorPath.get('params', 1), stopParam.name).length > 0) {
    return { id: 'stopUsed', node, data: { name: channelName, stop: stopParam.name } };
  }
  if (isInLoopBelow(pushes[0], executor)) return { id: 'sendInLoop', node: pushes[0].parent.node, data: { name: channelName } };
  const pushCall = pushes[0].parent;
  const awaitPath = pushCall.parent;
  const statement = awaitPath.parent;
  const body = executor.body;
  const isLast =
    (body === awaitPath.node) ||
    (body.type === 'BlockStatement' && statement?.node.type === 'ExpressionStatement' && statement.parent?.node === body && body.body[body.body.length - 1] === statement.node);
  if (!isLast) return { id: 'sendNotLast', node: pushCall.node, data: { name: channelName } };

  // The receiver: one `.next()` on the repeater, not in a loop.
  const channelFn = findEnclosingFunction(newPath);
  const channelId = constBindingOf(newPath);
  let receives: ASTPath<any>[];
  if (channelId && channelFn.node.type !== 'Program') {
    receives = [];
    for (const ref of referencesOf(j, channelFn, channelId, channelId.node.name)) {
      const next = callOnReference(ref, 'next');
      if (!next || next.node.arguments.length !== 0) return { id: 'channelUsedElsewhere', node, data: { name: channelName, use: describeUse(ctx, ref) } };
      receives.push(next);
    }
  } else {
    const direct = callOnReference(newPath, 'next');
    if (!direct || channelFn.node.type === 'Program') return { id: 'channelShape', node, data: { name: calleeName } };
    receives = [direct];
  }
  const receiver = checkReceiver(receives, channelFn, channelName, node);
  if (receiver) return receiver;
  return { kind: 'repeater', newPath, importPath };
}

/* ------------------------------------------------------------------------------------------------
 * Safety: the abandoned async iterator
 * ---------------------------------------------------------------------------------------------- */

const TIMER_NAME = /timeout|timer|deadline|sleep|delay/i;

function looksLikeTimer(j: JSCodeshift, node: any): boolean {
  if (j(node).find(j.Identifier, { name: 'setTimeout' }).length > 0) return true;
  return j(node).find(j.Identifier).filter((path) => TIMER_NAME.test(path.node.name)).length > 0 || (node.type === 'Identifier' && TIMER_NAME.test(node.name));
}

// `new Promise((_, reject) => setTimeout(() => reject(err), ms))`, also with its handle captured
// (race-timeout's output): the timeout arrives as a rejection.
function isRejectingTimer(j: JSCodeshift, node: any): boolean {
  const arm = unwrapExpression(node);
  if (arm?.type !== 'NewExpression' || !isIdentifier(arm.callee, 'Promise')) return false;
  const executor = arm.arguments[0];
  if (!isFunctionLiteral(executor) || !isIdentifier(executor.params[1])) return false;
  const reject: string = executor.params[1].name;
  const timers = j(executor)
    .find(j.CallExpression)
    .filter((path) => isIdentifier(path.node.callee, 'setTimeout'));
  const rejects = j(executor)
    .find(j.Identifier, { name: reject })
    .filter((path) => path.node !== executor.params[1]);
  return timers.length === 1 && rejects.length > 0 && rejects.filter((path) => isInside(path, timers.get().node)).length === rejects.length;
}

// The async generator function `name` refers to at `path`, when it is declared in this file.
function asyncGeneratorDeclaration(ctx: CodemodContext, path: ASTPath<any>, name: string): any | undefined {
  const scope = path.scope?.lookup(name);
  if (!scope) return undefined;
  const declarations = ctx.j(scope.path)
    .find(ctx.j.FunctionDeclaration, { id: { name } })
    .filter((declaration) => declaration.parent?.scope?.lookup(name) === scope || declaration.scope?.lookup(name) === scope);
  if (declarations.length !== 1) return undefined;
  const fn = declarations.paths()[0].node;
  return fn.async && fn.generator ? fn : undefined;
}

function returnsValue(j: JSCodeshift, fn: any): boolean {
  return j(fn)
    .find(j.ReturnStatement)
    .filter((path) => path.node.argument != null && findEnclosingFunction(path).node === fn).length > 0;
}

function planIterator(ctx: CodemodContext, racePath: ASTPath<any>): Plan | Refusal | null {
  const { j } = ctx;
  const race = racePath.node;
  if (!isIdentifier(race.callee.object, 'Promise') || race.arguments.length !== 1 || race.arguments[0].type !== 'ArrayExpression') return null;
  const elements: any[] = race.arguments[0].elements;
  const nextElements = elements.filter((element) => {
    const call = unwrapExpression(element);
    return call?.type === 'CallExpression' && methodName(call) === 'next' && call.arguments.length === 0 && isIdentifier(call.callee.object);
  });
  if (nextElements.length !== 1) return null;
  if (!elements.some((element) => element !== nextElements[0] && looksLikeTimer(j, element))) return null;
  if (!isGlobalName(racePath, 'Promise')) return null;
  const nextCall = unwrapExpression(nextElements[0]);
  const name: string = nextCall.callee.object.name;
  const fn = findEnclosingFunction(racePath);

  // `const it = gen(...)` in this function, with `gen` an async generator declared in this file.
  const declarators = j(fn)
    .find(j.VariableDeclarator, { id: { type: 'Identifier', name } })
    .filter((path) => path.parent?.node.kind === 'const' && findEnclosingFunction(path).node === fn.node);
  const declarator = declarators.length === 1 ? declarators.paths()[0] : undefined;
  const init = declarator ? unwrapExpression(declarator.node.init) : undefined;
  // a channel object (`new Repeater(...)`) is another shape's business
  if (init?.type === 'NewExpression') return null;
  const generator = init?.type === 'CallExpression' && isIdentifier(init.callee) ? asyncGeneratorDeclaration(ctx, declarator!, init.callee.name) : undefined;
  if (!declarator || !generator || fn.node.type === 'Program') return { id: 'iteratorNotOwned', node: race, data: { name } };
  const idPath = declarator.get('id');
  if (racePath.scope?.lookup(name) !== idPath.scope?.lookup(name)) return { id: 'iteratorNotOwned', node: race, data: { name } };

  const refs = referencesOf(j, fn, idPath, name);
  const others = refs.filter((ref) => !isInside(ref, nextCall));
  if (others.some((ref) => callOnReference(ref, 'return'))) return { id: 'alreadyReturned', node: race, data: { name } };
  if (others.length > 0) return { id: 'iteratorUsedElsewhere', node: race, data: { name } };

  // The race's rejection must leave the function: awaited or returned, at most behind race-timeout's `.finally`.
  let top: ASTPath<any> = racePath;
  while (top.parent?.node.type === 'MemberExpression' && top.parent.node.object === top.node && propertyName(top.parent.node) === 'finally' && top.parent.parent?.node.type === 'CallExpression') top = top.parent.parent;
  if (top.parent?.node.type === 'MemberExpression') return { id: 'raceCaught', node: race, data: { name } };
  if (!rejectionLeavesFunction(top, fn)) return { id: 'raceCaught', node: race, data: { name } };
  const timerArms = elements.filter((element) => element !== nextElements[0]);
  if (!timerArms.some((element) => isRejectingTimer(j, element))) {
    const arm = timerArms.find((element) => looksLikeTimer(j, element));
    return { id: 'timerNotRejecting', node: race, data: { name, arm: codeLine(ctx, arm, 60) } };
  }
  if (ctx.isTypeScript && returnsValue(j, generator)) return { id: 'iteratorReturnsValue', node: race, data: { name } };
  return { kind: 'iterator', racePath, iteratorName: name };
}

// `await <expr>` or `return <expr>` with no try/catch around it in this function.
function rejectionLeavesFunction(exprPath: ASTPath<any>, fn: ASTPath<any>): boolean {
  const parent = exprPath.parent?.node;
  if (parent?.type !== 'AwaitExpression' && parent?.type !== 'ReturnStatement' && !(parent?.type === 'ArrowFunctionExpression' && parent.body === exprPath.node)) return false;
  for (let current: ASTPath<any> | null = exprPath.parent; current && current.node !== fn.node; current = current.parent) {
    if (current.node.type === 'TryStatement' && current.node.handler && isInside(exprPath, current.node.block)) return false;
    if (current.node.type === 'CallExpression' || current.node.type === 'NewExpression') return false;
  }
  return true;
}

/* ------------------------------------------------------------------------------------------------
 * Rewrite
 * ---------------------------------------------------------------------------------------------- */

// new TransformStream()  →  new TransformStream(undefined, undefined, { highWaterMark: 1 })
function bufferTransformStream(j: JSCodeshift, newPath: ASTPath<any>): void {
  newPath.node.arguments.push(j.identifier('undefined'), j.identifier('undefined'), oneSlotStrategy(j));
}

// { highWaterMark: 1 }
function oneSlotStrategy(j: JSCodeshift): any {
  return j.objectExpression([j.objectProperty(j.identifier('highWaterMark'), j.numericLiteral(1))]);
}

// new Repeater(executor)  →  new Repeater(executor, new FixedBuffer(1)), importing FixedBuffer beside Repeater
function bufferRepeater(j: JSCodeshift, plan: Extract<Plan, { kind: 'repeater' }>, allocateName: (base: string) => string): void {
  const declaration = plan.importPath.node;
  const existing = (declaration.specifiers ?? []).find(
    (specifier: any) => specifier.type === 'ImportSpecifier' && (specifier.imported.name ?? specifier.imported.value) === 'FixedBuffer' && specifier.importKind !== 'type',
  );
  let local: string;
  if (existing) {
    local = existing.local.name;
  } else {
    local = allocateName('FixedBuffer');
    declaration.specifiers.push(j.importSpecifier(j.identifier('FixedBuffer'), j.identifier(local)));
  }
  plan.newPath.node.arguments.push(j.newExpression(j.identifier(local), [j.numericLiteral(1)]));
}

// Promise.race([it.next(), timer])  →  Promise.race([it.next(), timer]).catch((error) => { it.return().catch(() => {}); throw error; })
// The generator runs its finally once the pending next() is done; an error from that finally has nobody left to hear it.
function returnIteratorOnRejection(j: JSCodeshift, plan: Extract<Plan, { kind: 'iterator' }>, allocateName: (base: string, declaredIn?: ASTPath<any>) => string): void {
  const errorName = allocateName('raceError', findEnclosingFunction(plan.racePath));
  const returnCall = j.callExpression(j.memberExpression(j.identifier(plan.iteratorName), j.identifier('return')), []);
  const ignoreFinallyError = j.callExpression(j.memberExpression(returnCall, j.identifier('catch')), [j.arrowFunctionExpression([], j.blockStatement([]))]);
  const handler = j.arrowFunctionExpression(
    [j.identifier(errorName)],
    j.blockStatement([j.expressionStatement(ignoreFinallyError), j.throwStatement(j.identifier(errorName))]),
  );
  const race = plan.racePath.node;
  plan.racePath.replace(j.callExpression(j.memberExpression(race, j.identifier('catch')), [handler]));
}
