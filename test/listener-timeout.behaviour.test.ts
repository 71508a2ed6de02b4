// Runs every listener-timeout input fixture and its output side by side, in the three scenarios:
// the same outcome; when the timer wins the input leaves its listeners attached (listenerCount),
// the output none; when the event wins the input leaves its timer armed, the output none. Inputs
// that remove every listener on every path already (`event-clears-*`) leak on the event's path only.
// The event is emitted and the timer fires when the test says: the timer is a manual clock. Handler
// properties (`property-*`: `socket.onopen = …`) run against a fake socket, at the end.
import { EventEmitter, getEventListeners } from 'node:events';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import raceTimeoutTransform from '../transforms/race-timeout';
import executorTimeoutTransform from '../transforms/executor-timeout';
import listenerTimeoutTransform from '../transforms/listener-timeout';
import { applyTransform, createTempDir, flush, listFixtureCases, ManualClock, readText, removeTempDirs, transpile, type Scenario } from './harness';

type Outcome = { status: 'fulfilled'; value: unknown } | { status: 'rejected'; errorClass: string; name: string; message: string } | { status: 'pending' };

interface Run {
  outcome: Outcome;
  /** listeners for 'ready' and 'error' still attached after the call settled */
  listenersAfterSettle: number;
  /** timers still armed after the call settled */
  armedAfterSettle: number;
  /** what emitting an unheard 'error' threw, if anything */
  emitThrew?: string;
}

interface Waiting {
  /** still pending after an event its handler ignores (the reply to another request) */
  pending: boolean;
  listeners: number;
  armed: number;
}

// `anotherReplyFirst`: before the scenario, 'ready' comes with a value the handler does not wait for
async function run(source: string, path: string, scenario: Scenario, { anotherReplyFirst = false } = {}): Promise<Run & { afterAnotherReply?: Waiting }> {
  const clock = new ManualClock();
  const usesTarget = source.includes('addEventListener');
  const target = usesTarget ? new EventTarget() : new EventEmitter();
  const listeners = () =>
    target instanceof EventEmitter ? target.listenerCount('ready') + target.listenerCount('error') : getEventListeners(target, 'ready').length + getEventListeners(target, 'error').length;
  const globals: Record<string, unknown> = {
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    timeout: (ms: number) => new Promise((_, reject) => clock.setTimeout(() => reject(new Error('ready timeout')), ms)),
  };
  const module = { exports: {} as Record<string, any> };
  // `import { setTimeout, clearTimeout } from 'node:timers'`: the same clock as the globals
  const fixtureRequire = (id: string) => (id === 'node:timers' || id === 'timers' ? { ...require(id), setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout } : require(id));
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, fixtureRequire, module, ...Object.values(globals));
  const entry = Object.values(module.exports).find((value) => typeof value === 'function') as (emitter: unknown) => Promise<unknown>;

  let outcome: Outcome = { status: 'pending' };
  entry(target).then(
    (value) => {
      outcome = { status: 'fulfilled', value: value instanceof Event ? { eventType: value.type } : value };
    },
    (error: Error) => {
      outcome = { status: 'rejected', errorClass: error.constructor.name, name: error.name, message: error.message };
    },
  );
  await flush();
  let afterAnotherReply: Waiting | undefined;
  if (anotherReplyFirst) {
    if (target instanceof EventEmitter) target.emit('ready', 'another value');
    await flush();
    afterAnotherReply = { pending: outcome.status === 'pending', listeners: listeners(), armed: clock.timers.size };
  }
  let emitThrew: string | undefined;
  if (scenario === 'timeout wins') clock.fireAll();
  if (scenario === 'work wins') {
    try {
      if (target instanceof EventEmitter) target.emit('ready', 'some value');
      else target.dispatchEvent(new Event('ready'));
    } catch (error) {
      // a handler that throws after it settles (event-clears-after-chained-call), in the input as in the output
      emitThrew = (error as Error).message;
    }
  }
  if (scenario === 'work fails') {
    try {
      if (target instanceof EventEmitter) target.emit('error', new Error('search failed'));
      else target.dispatchEvent(new Event('error'));
    } catch (error) {
      // nobody listens for 'error' on this emitter: emit throws, in the input as in the output
      emitThrew = (error as Error).message;
    }
    await flush();
    // the call is still waiting: the timer decides
    if (outcome.status === 'pending') clock.fireAll();
  }
  await flush();
  return { outcome, listenersAfterSettle: listeners(), armedAfterSettle: clock.timers.size, emitThrew, afterAnotherReply };
}

const positives = listFixtureCases('listener-timeout').filter((fixture) => !fixture.isNegative);
// `events.once` removes its own listeners when the event comes; its leak is on the timeout path only.
const isOnceRace = (name: string) => name.startsWith('events-once-race');
// a `timeout(ms)` helper this rule cannot see into: its timer stays armed before and after
const opaqueTimer = (source: string) => !source.includes('setTimeout');
// executor-timeout's output: the timer is cleared in .finally() already; the listener removal is what is added.
const timerAlreadyCleared = (name: string) => name.startsWith('after-executor-timeout');
// the once() promise is awaited again outside the race: only the timer is fixed, the listener is left (and reported)
// (once() on an EventEmitter: its own 'error' listener would go with the abort, and is kept, so the listener is left and said)
const listenerLeftOnPurpose = new Set(['once-held-and-awaited', 'events-once-race', 'events-once-held-earlier']);
// the events clear the timer already; the leak is the listener the timer leaves
const leaksOnlyWhenTimerFires = new Set(['timer-one-line-block-no-semicolons', 'timer-leaves-listener-call-after', 'timer-leaves-inline-listener', 'timer-leaves-named-listeners', 'named-handler-removes-itself', 'timer-removes-another-handler']);
// the events clear the timer, but nothing removes a listener: the leak is every listener, on each path
const eventRemovals = (name: string) => name.startsWith('event-removals');
// every listener is removed on every path already; the leak is the timer an event leaves armed
const leaksOnlyWhenEventWins = (name: string) => name.startsWith('event-clears');
// of those, the ones whose error handler already clears the timer
const errorEventClears = new Set(['event-clears-kept-handle']);
// handler properties (`socket.onopen = …`) on a socket the code makes: run against a fake socket below
const isPropertyCase = (name: string) => name.startsWith('property-');
// only the timer is fixed (cleared once the promise settles); the listeners stay as the code leaves them, and are said
const timerOnly = (name: string) => name.startsWith('timer-only');
// not run here, their shape being timer-only-error-listener-kept's: ws makes its own socket from a
// URL; a WebSocket's 'open' types the handler's `this`, and the harness sends 'ready'
const makesItsOwnSocket = new Set(['timer-only-ws-error-listener', 'timer-only-handler-this-typed-by-call']);

describe.each(positives.filter((fixture) => !leaksOnlyWhenEventWins(fixture.name) && !isPropertyCase(fixture.name) && !timerOnly(fixture.name)))('listener-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('timeout wins: same rejection; the input leaves its listener attached, the output none', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'ready timeout' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.listenersAfterSettle).toBeGreaterThan(0);
    expect(after.listenersAfterSettle).toBe(listenerLeftOnPurpose.has(fixture.name) ? before.listenersAfterSettle : 0);
  });

  it('work wins: same value; the input leaves its timer armed (or another listener attached), the output neither', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    // the event's path removes every other listener too (an 'error' listener beside 'ready')
    expect(after.listenersAfterSettle).toBe(0);
    expect(after.armedAfterSettle).toBe(opaqueTimer(input) ? before.armedAfterSettle : 0);
    if (eventRemovals(fixture.name)) expect([before.armedAfterSettle, before.listenersAfterSettle > 0]).toEqual([0, true]);
    else if (!opaqueTimer(input) && !timerAlreadyCleared(fixture.name) && !leaksOnlyWhenTimerFires.has(fixture.name)) expect(before.armedAfterSettle).toBe(1);
  });

  it('work fails (an error event): same outcome; the output leaves no timer armed', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome.status).toBe('rejected');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.emitThrew).toBe(before.emitThrew);
    const settledByErrorEvent = before.outcome.status === 'rejected' && before.outcome.message === 'search failed';
    if (settledByErrorEvent && eventRemovals(fixture.name)) {
      // the error event cleared the timer; the 'ready' listener stayed
      expect([before.armedAfterSettle, before.listenersAfterSettle > 0]).toEqual([0, true]);
      expect([after.armedAfterSettle, after.listenersAfterSettle]).toEqual([0, 0]);
    } else if (settledByErrorEvent && !isOnceRace(fixture.name) && !timerAlreadyCleared(fixture.name) && !leaksOnlyWhenTimerFires.has(fixture.name)) {
      expect(before.armedAfterSettle).toBe(1);
      expect(after.armedAfterSettle).toBe(0);
    }
    // nobody listened for the error: the timer decided, and the output removed the listener it left
    if (!settledByErrorEvent) {
      expect(before.listenersAfterSettle).toBeGreaterThan(0);
      expect(after.listenersAfterSettle).toBe(0);
    }
  });
});

// Only the timer is fixed: the listeners are left as they are (said in the report). In every
// scenario the output settles the same and leaves the same listeners, and no timer armed; the input
// leaves its timer armed in one scenario at least (an event settles and does not clear it).
describe.each(positives.filter((fixture) => timerOnly(fixture.name) && !makesItsOwnSocket.has(fixture.name)))('listener-timeout $name (the timer only)', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('work wins, work fails, timeout wins: the same outcome and listeners; the output leaves no timer, the input one at least once', async () => {
    let armedBefore = 0;
    for (const scenario of ['work wins', 'work fails', 'timeout wins'] as const) {
      const [before, after] = await both(scenario);
      expect(after.outcome, scenario).toEqual(before.outcome);
      expect(after.emitThrew, scenario).toBe(before.emitThrew);
      expect(after.listenersAfterSettle, scenario).toBe(before.listenersAfterSettle);
      expect(after.armedAfterSettle, scenario).toBe(0);
      armedBefore += before.armedAfterSettle;
    }
    expect(armedBefore).toBeGreaterThan(0);
  });
});

// The code removes every listener by itself, on the event's path and on the timer's; only the
// event's clear is missing. The timer the event leaves armed is the leak: the output clears it where
// the event settles, and the timer, which had nothing left to do, never fires.
describe.each(positives.filter((fixture) => leaksOnlyWhenEventWins(fixture.name)))('listener-timeout $name (the event clears the timer)', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('work wins: same value; the input leaves its timer armed, the output nothing', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.emitThrew).toBe(before.emitThrew);
    expect(before.armedAfterSettle).toBe(1);
    expect(before.listenersAfterSettle).toBe(0);
    expect(after.armedAfterSettle).toBe(0);
    expect(after.listenersAfterSettle).toBe(0);
  });

  it('timeout wins: same rejection; neither leaves a listener attached (the timer removes them in both)', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'ready timeout' });
    expect(after.outcome).toEqual(before.outcome);
    expect([before.listenersAfterSettle, before.armedAfterSettle]).toEqual([0, 0]);
    expect([after.listenersAfterSettle, after.armedAfterSettle]).toEqual([0, 0]);
  });

  it('work fails (an error event): same outcome; the output leaves nothing', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome.status).toBe('rejected');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.emitThrew).toBe(before.emitThrew);
    expect([after.listenersAfterSettle, after.armedAfterSettle]).toEqual([0, 0]);
    expect(before.listenersAfterSettle).toBe(0);
    // an error event that settles leaves the timer armed, unless its handler clears it already; with
    // no error listener, the timer decides (and removes every listener) in both
    const settledByErrorEvent = before.outcome.status === 'rejected' && before.outcome.message === 'search failed';
    expect(before.armedAfterSettle).toBe(settledByErrorEvent && !errorEventClears.has(fixture.name) ? 1 : 0);
  });
});

// `if (reply === requestId)`: the reply to another request leaves the handler waiting, with its
// timer; the clear sits on the settling path only.
describe.each(positives.filter((fixture) => leaksOnlyWhenEventWins(fixture.name) && readText(fixture.inputPath).includes('requestId')))('listener-timeout $name (a handler that waits for its own reply)', (fixture) => {
  it('another reply first: both keep waiting, timer armed and listener attached; then work wins the same', async () => {
    const options = { anotherReplyFirst: true };
    const [before, after] = await Promise.all([run(readText(fixture.inputPath), fixture.inputPath, 'work wins', options), run(readText(fixture.outputPath!), fixture.outputPath!, 'work wins', options)]);
    expect(before.afterAnotherReply).toEqual({ pending: true, listeners: 1, armed: 1 });
    expect(after.afterAnotherReply).toEqual(before.afterAnotherReply);
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(1);
    expect([after.listenersAfterSettle, after.armedAfterSettle]).toEqual([0, 0]);
  });
});

// A listener site is listener-timeout's alone: race-timeout and executor-timeout leave it to it, so
// running them first, or after, changes nothing.
describe.each(positives)('listener-timeout $name beside the other rules', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  it.each([
    ['race-timeout', raceTimeoutTransform],
    ['executor-timeout', executorTimeoutTransform],
  ] as const)('%s changes neither its input nor its output', (_name, transform) => {
    expect(applyTransform(transform, fixture.inputPath, input).output).toBeUndefined();
    expect(applyTransform(transform, fixture.outputPath!, output).output).toBeUndefined();
  });
});

// Handler properties on a socket the code makes (`const socket = new WebSocket(url)`): the fixture's
// `WebSocket` (and the `RelaySocket` a TypeScript fixture declares) is a fake whose events the test
// fires by calling the handler each property holds, as a browser does. The input leaves its timer
// armed when an event settles the promise, and its handlers set when the timer does; the output
// neither. A late event after the timer changes the outcome of neither.
interface PropertyRun {
  outcome: Outcome;
  /** `onopen` and `onerror` still set on the socket after the call settled */
  handlersAfterSettle: string[];
  armedAfterSettle: number;
  /** the outcome once a late open and a late error came after the timer had won */
  outcomeAfterLateEvents?: Outcome;
}

const HANDLER_PROPERTIES = ['onopen', 'onerror'] as const;

async function runProperty(source: string, path: string, scenario: Scenario): Promise<PropertyRun> {
  const clock = new ManualClock();
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    onopen: ((event: { type: string }) => void) | null = null;
    onerror: ((error: Error) => void) | null = null;
    constructor(readonly url: string) {
      sockets.push(this);
    }
  }
  const globals: Record<string, unknown> = { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, WebSocket: FakeSocket, RelaySocket: FakeSocket };
  const module = { exports: {} as Record<string, any> };
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, require, module, ...Object.values(globals));
  const connect = module.exports.connect as (url: string) => Promise<unknown>;

  let outcome: Outcome = { status: 'pending' };
  connect('wss://relay.example').then(
    (value) => {
      outcome = { status: 'fulfilled', value: sockets.includes(value as FakeSocket) ? { socket: (value as FakeSocket).url } : value };
    },
    (error: Error) => {
      outcome = { status: 'rejected', errorClass: error.constructor.name, name: error.name, message: error.message };
    },
  );
  await flush();
  expect(sockets).toHaveLength(1);
  const [socket] = sockets;
  if (scenario === 'work wins') socket.onopen?.({ type: 'open' });
  if (scenario === 'work fails') socket.onerror?.(new Error('search failed'));
  if (scenario === 'timeout wins') clock.fireAll();
  await flush();
  const run: PropertyRun = { outcome, handlersAfterSettle: HANDLER_PROPERTIES.filter((property) => socket[property] != null), armedAfterSettle: clock.timers.size };
  if (scenario === 'timeout wins') {
    socket.onopen?.({ type: 'open' });
    socket.onerror?.(new Error('search failed'));
    await flush();
    run.outcomeAfterLateEvents = outcome;
  }
  return run;
}

// the events clear the timer already: the leak is the handlers the timer leaves set
const propertyEventsClear = (name: string) => name === 'property-events-clear-timer';
// the timer takes the handlers off already: the leak is the timer the events leave armed
const propertyTimerNulls = (name: string) => name === 'property-handlers-null-themselves';

describe.each(positives.filter((fixture) => isPropertyCase(fixture.name)))('listener-timeout $name (handler properties)', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([runProperty(input, fixture.inputPath, scenario), runProperty(output, fixture.outputPath!, scenario)]);

  it('work wins (the socket opens): same value; the input leaves its timer armed, the output none', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(propertyEventsClear(fixture.name) ? 0 : 1);
    expect(after.armedAfterSettle).toBe(0);
    // handlers set since (by other code) are not taken off by the output's late timer: it has none
    if (propertyTimerNulls(fixture.name)) expect([before.handlersAfterSettle, after.handlersAfterSettle]).toEqual([[], []]);
  });

  it('timeout wins: same rejection; the input leaves its handlers set, the output none; a late event changes neither', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'ready timeout' });
    expect(after.outcome).toEqual(before.outcome);
    if (!propertyTimerNulls(fixture.name)) expect(before.handlersAfterSettle.length).toBeGreaterThan(0);
    expect(after.handlersAfterSettle).toEqual([]);
    expect([before.armedAfterSettle, after.armedAfterSettle]).toEqual([0, 0]);
    expect(before.outcomeAfterLateEvents).toEqual(before.outcome);
    expect(after.outcomeAfterLateEvents).toEqual(before.outcome);
  });

  it('work fails (an error event): same rejection; the input leaves its timer armed, the output none', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search failed' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(propertyEventsClear(fixture.name) ? 0 : 1);
    expect(after.armedAfterSettle).toBe(0);
  });
});

// A target whose handler setter runs the handler at once (an object that is already open): the
// handlers are set above the timer, so the handle the fix adds is a `let` at the top of the
// executor, cleared while still unset; a `const` below would throw from its temporal dead zone.
describe('listener-timeout property-handlers-null-themselves, on a socket that is open already', () => {
  const fixture = positives.find((each) => each.name === 'property-handlers-null-themselves')!;
  const run = async (source: string, path: string) => {
    const clock = new ManualClock();
    class OpenSocket {
      #onopen: (() => void) | null = null;
      onerror: ((error: Error) => void) | null = null;
      get onopen() {
        return this.#onopen;
      }
      set onopen(handler) {
        this.#onopen = handler;
        handler?.();
      }
    }
    const globals: Record<string, unknown> = { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, WebSocket: OpenSocket };
    const module = { exports: {} as Record<string, any> };
    new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, require, module, ...Object.values(globals));
    let outcome = 'pending';
    module.exports.connect('wss://relay.example').then(
      () => (outcome = 'fulfilled'),
      (error: Error) => (outcome = `rejected ${error.name}: ${error.message}`),
    );
    await flush();
    const armed = clock.timers.size;
    clock.fireAll();
    await flush();
    return { outcome, armed };
  };
  it('resolves in both, and both leave the timer armed as the input does (it was armed after the settle)', async () => {
    const before = await run(readText(fixture.inputPath), fixture.inputPath);
    const after = await run(readText(fixture.outputPath!), fixture.outputPath!);
    expect(before).toEqual({ outcome: 'fulfilled', armed: 1 });
    expect(after).toEqual(before);
  });
});

// The playwright shape in TypeScript, on the platform's WebSocket: `socket.onopen = null` type-checks
// against lib.dom (a fixture cannot say so: the fixtures type-check with @types/node too, which has
// no global WebSocket before @types/node 22).
describe('listener-timeout: handler properties of a lib.dom class, in TypeScript', () => {
  afterAll(removeTempDirs);
  const input = [
    'export async function connect(url: string): Promise<WebSocket> {',
    '  const socket = new WebSocket(url);',
    '  await new Promise<void>((resolve, reject) => {',
    '    socket.onopen = () => resolve();',
    "    socket.onerror = () => reject(new Error('search failed'));",
    "    setTimeout(() => reject(new Error('ready timeout')), 100);",
    '  });',
    '  return socket;',
    '}',
    '',
  ].join('\n');

  it('is fixed in a project whose tsconfig.json has lib dom, and input and output type-check under strict with lib DOM', () => {
    const project = createTempDir('listener-property-dom-', { 'tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['es2022', 'dom'] } }), 'connect.ts': input });
    const { output, reports } = applyTransform(listenerTimeoutTransform, `${project}/connect.ts`, input);
    expect(reports).toEqual([]);
    expect(output).toContain('socket.onerror = null;');
    expect(output).toContain('}).finally(() => clearTimeout(timerHandle));');
    const dir = createTempDir('listener-property-', { 'input.ts': input, 'output.ts': output! });
    const program = ts.createProgram([`${dir}/input.ts`, `${dir}/output.ts`], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '))).toEqual([]);
  });

  it('is left alone in a project whose tsconfig.json lib has no dom (a Node project), where `socket.onopen = null` would not type-check', () => {
    const project = createTempDir('listener-property-nodom-', { 'tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['es2022'] } }), 'connect.ts': input });
    const { output, reports } = applyTransform(listenerTimeoutTransform, `${project}/connect.ts`, input);
    expect(output).toBeUndefined();
    expect(reports.join('\n')).toContain('the tsconfig.json around the file is not shown to have `dom` in its `lib`');
  });
});
