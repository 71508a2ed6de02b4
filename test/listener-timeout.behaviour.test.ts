// Runs every listener-timeout input fixture and its output side by side, in the three scenarios:
// the same outcome; when the timer wins the input leaves its listeners attached (listenerCount),
// the output none; when the event wins the input leaves its timer armed, the output none.
// The event is emitted and the timer fires when the test says: the timer is a manual clock.
import { EventEmitter, getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import raceTimeoutTransform from '../transforms/race-timeout';
import executorTimeoutTransform from '../transforms/executor-timeout';
import listenerTimeoutTransform from '../transforms/listener-timeout';
import { applyTransform, composeBothOrders, flush, listFixtureCases, ManualClock, readText, transpile, type Scenario } from './harness';

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

async function run(source: string, path: string, scenario: Scenario): Promise<Run> {
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
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, require, module, ...Object.values(globals));
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
  let emitThrew: string | undefined;
  if (scenario === 'timeout wins') clock.fireAll();
  if (scenario === 'work wins') {
    if (target instanceof EventEmitter) target.emit('ready', 'some value');
    else target.dispatchEvent(new Event('ready'));
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
  return { outcome, listenersAfterSettle: listeners(), armedAfterSettle: clock.timers.size, emitThrew };
}

const positives = listFixtureCases('listener-timeout').filter((fixture) => !fixture.isNegative);
// `events.once` removes its own listeners when the event comes; its leak is on the timeout path only.
// Their timer arm is a plain `timeout(ms)` helper (or an inline timer race-timeout clears): not this transform's.
const isOnceRace = (name: string) => name.startsWith('events-once-race');
// executor-timeout's output: the timer is cleared in .finally() already; the listener removal is what is added.
const timerAlreadyCleared = (name: string) => name.startsWith('after-executor-timeout');

describe.each(positives)('listener-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('timeout wins: same rejection; the input leaves its listener attached, the output none', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'ready timeout' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.listenersAfterSettle).toBeGreaterThan(0);
    expect(after.listenersAfterSettle).toBe(0);
  });

  it('work wins: same value; the input leaves its timer armed, the output none', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.listenersAfterSettle).toBe(before.listenersAfterSettle);
    expect(after.armedAfterSettle).toBe(isOnceRace(fixture.name) ? before.armedAfterSettle : 0);
    if (!isOnceRace(fixture.name) && !timerAlreadyCleared(fixture.name)) {
      expect(before.armedAfterSettle).toBe(1);
      expect(after.armedAfterSettle).toBe(0);
    }
  });

  it('work fails (an error event): same outcome; the output leaves no timer armed', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome.status).toBe('rejected');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.emitThrew).toBe(before.emitThrew);
    const settledByErrorEvent = before.outcome.status === 'rejected' && before.outcome.message === 'search failed';
    if (settledByErrorEvent && !isOnceRace(fixture.name) && !timerAlreadyCleared(fixture.name)) {
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

// all.ts runs race-timeout before listener-timeout; in either order the result keeps the input's
// outcome, removes the listener when the timer wins and leaves no timer race-timeout can clear.
describe.each(positives.filter((fixture) => isOnceRace(fixture.name)))('listener-timeout $name with race-timeout', (fixture) => {
  const input = readText(fixture.inputPath);
  const path = fixture.inputPath;
  const { afterFirst: afterRace, combined, reversed } = composeBothOrders(raceTimeoutTransform, listenerTimeoutTransform, path, input);

  it('listener-timeout still applies after race-timeout, and the pair is idempotent', () => {
    expect(combined).not.toBe(afterRace);
    expect(applyTransform(listenerTimeoutTransform, path, combined).output).toBeUndefined();
    expect(applyTransform(raceTimeoutTransform, path, combined).output).toBeUndefined();
  });

  it.each(['timeout wins', 'work wins', 'work fails'] as const)('%s: either order gives the input\'s outcome, no listener left after a timeout', async (scenario) => {
    const [before, after, afterReversed] = await Promise.all([run(input, path, scenario), run(combined, path, scenario), run(reversed, path, scenario)]);
    for (const rewritten of [after, afterReversed]) {
      expect(rewritten.outcome).toEqual(before.outcome);
      if (scenario === 'timeout wins') expect(rewritten.listenersAfterSettle).toBe(0);
      // race-timeout clears an inline timer arm; a `timeout(ms)` helper it cannot see into stays armed
      if (afterRace !== input) expect(rewritten.armedAfterSettle).toBe(0);
    }
  });
});

// executor-timeout also rewrites a `new Promise` executor with a timer (it clears the timer in
// .finally()); it runs before listener-timeout in all.ts. In either order the pair must keep the
// input's outcome, remove the listener when the timer wins, and leave no timer armed.
describe.each(positives.filter((fixture) => !isOnceRace(fixture.name) && !timerAlreadyCleared(fixture.name)))('listener-timeout $name with executor-timeout', (fixture) => {
  const input = readText(fixture.inputPath);
  const path = fixture.inputPath;
  const { afterFirst: afterExecutor, combined, reversed } = composeBothOrders(executorTimeoutTransform, listenerTimeoutTransform, path, input);

  it('listener-timeout still applies after executor-timeout, and the pair is idempotent', () => {
    expect(combined).not.toBe(afterExecutor);
    expect(applyTransform(listenerTimeoutTransform, path, combined).output).toBeUndefined();
    expect(applyTransform(executorTimeoutTransform, path, combined).output).toBeUndefined();
  });

  it.each(['timeout wins', 'work wins', 'work fails'] as const)('%s: either order gives the input\'s outcome, no listener left after a timeout, no timer armed', async (scenario) => {
    const [before, after, afterReversed] = await Promise.all([run(input, path, scenario), run(combined, path, scenario), run(reversed, path, scenario)]);
    for (const rewritten of [after, afterReversed]) {
      expect(rewritten.outcome).toEqual(before.outcome);
      if (scenario === 'timeout wins') expect(rewritten.listenersAfterSettle).toBe(0);
      expect(rewritten.armedAfterSettle).toBe(0);
    }
  });
});
