// Runs every race-timeout input fixture and its output side by side, in the three scenarios, and
// measures the leak: the same outcome, the input leaves a timer armed (or a losing fetch running),
// the output does not.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listFixtureCases, loadModule, readText, runInputThenOutput, runListing4WithSearchTaking, runScenario, SCENARIOS, settle, TimerLedger, Work, type Run, type Scenario } from './harness';

const positives = listFixtureCases('race-timeout').filter((fixture) => !fixture.isNegative);
const [listing4] = positives.filter((fixture) => fixture.name === 'listing-4');
const isWiredFetchCase = (output: string) => /\bsignal: fetchController\.signal\b/.test(output);
// These inputs already clear the timer when the work fulfils; their leak is on the failure path only.
const leaksOnlyWhenWorkFails = new Set(['owned-cancel-on-fulfilment', 'owned-cancel-statement', 'success-only-clear', 'await-statement-const-arm', 'catch-rejects-clear-after', 'clear-in-then', 'settle-either-way-guarded-clear', 'clear-after-await-between-blank-lines']);

// Promise.any ignores a rejecting work arm: when the work fails, the timer's fallback decides, in the input as in the output.
const timerDecidesWhenWorkFails = new Set(['promise-any']);

describe.each(positives)('race-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: (typeof SCENARIOS)[number]): Promise<[Run, Run]> =>
    Promise.all([runScenario(input, fixture.inputPath, scenario), runScenario(output, fixture.outputPath!, scenario)]);

  it.concurrent('work wins: same value; the input leaves the timer armed, the output none', async () => {
    const [before, after] = await both('work wins');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.outcome.status).toBe('fulfilled');
    if (!leaksOnlyWhenWorkFails.has(fixture.name)) expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
    // a fetch that won is never aborted: its body is read after the race
    expect(after.abortedAfterSettle.every((aborted) => !aborted)).toBe(true);
  });

  it.concurrent('work fails: same error; the input leaves the timer armed, the output none', async () => {
    const [before, after] = await both('work fails');
    expect(after.outcome).toEqual(before.outcome);
    if (timerDecidesWhenWorkFails.has(fixture.name)) {
      expect(before.outcome).toEqual({ status: 'fulfilled', value: 'cached value' });
      expect(after.armedAfterSettle).toBe(0);
      return;
    }
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search failed' });
    expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
  });

  it.concurrent('timeout wins: same timeout outcome; nothing armed after; a losing fetch is aborted', async () => {
    const [before, after] = await both('timeout wins');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armedAfterSettle).toBe(0);
    if (isWiredFetchCase(output)) {
      // the forgotten sender: the input's fetch runs on with no way to stop it
      expect(before.abortedAfterSettle).toEqual([]);
      expect(after.abortedAfterSettle.length).toBeGreaterThan(0);
      expect(after.abortedAfterSettle.every(Boolean)).toBe(true);
    }
  });
});

// A race awaited by a statement of its own is wrapped in try/finally, not given .finally(): what
// follows the await runs after exactly as many microtasks as before.
describe('race-timeout await-statement: the same microtask', () => {
  const fixture = positives.find((candidate) => candidate.name === 'await-statement')!;
  const ticksUntilAfter = async (source: string, path: string) => {
    const ledger = new TimerLedger();
    const exports = loadModule(source, path, { search: () => Promise.resolve('some value') }, ledger);
    let ticks = 0;
    let seen = -1;
    const spin = () => {
      ticks += 1;
      if (ticks < 100) queueMicrotask(spin);
    };
    queueMicrotask(spin);
    await exports.process('term', () => {
      seen = ticks;
    });
    await ledger.drain();
    return seen;
  };
  it('work wins: the code after the await runs at the same microtask in the input and the output', async () => {
    const before = await ticksUntilAfter(readText(fixture.inputPath), fixture.inputPath);
    const after = await ticksUntilAfter(readText(fixture.outputPath!), fixture.outputPath!);
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
  });
});

describe('Listing 4 measured with process.getActiveResourcesInfo()', () => {
  it('work wins: the input leaves one more active Timeout, the output none', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runScenario(source, path, 'work wins', { realTimers: true }));
    expect(before.armedAfterSettle).toBe(1);
    expect(after.armedAfterSettle).toBe(0);
  });
});

// The article's own numbers on the real clock: search takes 200 ms, process gives up after 100 ms.
// Node fires timers in order of expiry, so the 100 ms timer always wins: no edge to race on.
describe('Listing 4 with the article\'s timings', () => {
  it('search takes 200 ms: both reject with "search canceled" after 100 ms', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runListing4WithSearchTaking(source, path, 200));
    expect(before.outcome).toEqual({ status: 'rejected', errorClass: 'Error', name: 'Error', message: 'search canceled' });
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armed).toBe(0);
  });

  it('search takes 20 ms: both resolve; the input keeps the 100 ms timer armed, the output does not', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runListing4WithSearchTaking(source, path, 20));
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value for term' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armed).toBe(1);
    expect(after.armed).toBe(0);
  });
});

// The interrupt watcher's listener, disarmed after the race only when it fulfilled: measured by the
// module's own count of it, once the race has settled.
describe('race-timeout owned-cancel-statement: the watcher listener', () => {
  const [fixture] = positives.filter((candidate) => candidate.name === 'owned-cancel-statement');
  const listenersAfter = async (source: string, path: string, scenario: Scenario) => {
    const ledger = new TimerLedger();
    const work = new Work(scenario);
    const exports = loadModule(source, path, { search: work.search }, ledger);
    const outcome = await settle(exports.process('term'));
    const left = exports.interruptListeners();
    work.release();
    await ledger.drain();
    return { outcome, left };
  };
  it.each(['work fails', 'timeout wins'] as const)('%s: same outcome; the input leaves the listener, the output none', async (scenario) => {
    const before = await listenersAfter(readText(fixture.inputPath), fixture.inputPath, scenario);
    const after = await listenersAfter(readText(fixture.outputPath!), fixture.outputPath!, scenario);
    expect(after.outcome).toEqual(before.outcome);
    expect(before.left).toBe(1);
    expect(after.left).toBe(0);
  });
});

// A cancellable sleep passed the caller's signal, given one of the race's own that follows it: the
// caller's abort still rejects the race with the helper's own error, in the same turn; an abort before
// the call rejects it at once; and once the race settles, nothing is left on the caller's signal.
describe('race-timeout helper-linked: the caller\'s signal', () => {
  const linked = positives.filter((candidate) => ['helper-linked-signal', 'helper-linked-signal-await', 'helper-linked-signal-reassigned', 'helper-linked-signal-conditional', 'helper-linked-signal-lazy', 'sleep-linked-signal'].includes(candidate.name));
  // how each fixture's process takes the caller's signal
  const call = (name: string, exports: Record<string, any>, signal: AbortSignal) => (['helper-linked-signal-await', 'helper-linked-signal-reassigned', 'helper-linked-signal-conditional', 'helper-linked-signal-lazy'].includes(name) ? exports.process('term', signal) : exports.process('term', { signal }));
  const run = async (name: string, source: string, path: string, search: () => Promise<string>, abort: 'before' | 'during' | 'never') => {
    const ledger = new TimerLedger();
    const exports = loadModule(source, path, { search }, ledger);
    const caller = new AbortController();
    if (abort === 'before') caller.abort(new Error('stopped before'));
    let settledInTurn = false;
    const pending = settle(call(name, exports, caller.signal)).then((outcome) => {
      settledInTurn = true;
      return outcome;
    });
    let sameTurn = true;
    if (abort === 'during') {
      await new Promise((resolve) => setImmediate(resolve));
      caller.abort(new Error('stopped during'));
      // settled before the next turn of the event loop, as the helper's own abort listener settles it
      await new Promise((resolve) => setImmediate(resolve));
      sameTurn = settledInTurn;
    }
    const outcome = await pending;
    const listeners = getEventListeners(caller.signal, 'abort').length;
    const armed = ledger.armedCount();
    caller.abort();
    await ledger.drain();
    return { outcome, listeners, armed, sameTurn };
  };
  const never = () => new Promise<string>(() => {});
  // a search that listens to the caller's signal too, and rejects with its own error on its abort
  const listening = (_term: string, signal?: AbortSignal) => new Promise<string>((_, reject) => signal?.addEventListener('abort', () => reject(new Error('search aborted'))));
  it('helper-linked-signal-lazy: the search listens first: the caller\'s abort rejects both with the search\'s error', async () => {
    const [fixture] = linked.filter((candidate) => candidate.name === 'helper-linked-signal-lazy');
    const before = await run(fixture.name, readText(fixture.inputPath), fixture.inputPath, listening as () => Promise<string>, 'during');
    const after = await run(fixture.name, readText(fixture.outputPath!), fixture.outputPath!, listening as () => Promise<string>, 'during');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search aborted' });
    expect(after.outcome).toEqual(before.outcome);
    expect(after.sameTurn).toBe(true);
    expect(after.listeners).toBe(1);
  });
  const found = () => Promise.resolve('some value');
  it.each(linked.map((fixture) => [fixture.name, fixture] as const))('%s: the caller aborts during the race: the same error, in the same turn', async (_name, fixture) => {
    const before = await run(fixture.name, readText(fixture.inputPath), fixture.inputPath, never, 'during');
    const after = await run(fixture.name, readText(fixture.outputPath!), fixture.outputPath!, never, 'during');
    expect(before.outcome.status).toBe('rejected');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.sameTurn).toBe(true);
    expect(after.sameTurn).toBe(true);
    expect(after.armed).toBe(0);
    expect(after.listeners).toBe(0);
  });
  it.each(linked.map((fixture) => [fixture.name, fixture] as const))('%s: the caller aborted before the call: the same error', async (_name, fixture) => {
    const before = await run(fixture.name, readText(fixture.inputPath), fixture.inputPath, never, 'before');
    const after = await run(fixture.name, readText(fixture.outputPath!), fixture.outputPath!, never, 'before');
    // a helper that checks `signal.aborted` rejects at once; one that does not waits for its timer, in both
    expect(before.outcome.status).not.toBe('pending');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armed).toBe(0);
    expect(after.listeners).toBe(0);
  });
  it.each(linked.map((fixture) => [fixture.name, fixture] as const))('%s: the work wins: the same value; the input leaves the timer and its listener on the caller\'s signal, the output neither', async (_name, fixture) => {
    const before = await run(fixture.name, readText(fixture.inputPath), fixture.inputPath, found, 'never');
    const after = await run(fixture.name, readText(fixture.outputPath!), fixture.outputPath!, found, 'never');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armed).toBe(1);
    expect(before.listeners).toBeGreaterThan(0);
    expect(after.armed).toBe(0);
    expect(after.listeners).toBe(0);
  });
});

// A sleep raced before a search that throws at its call: no race is made. The output's abort runs
// only in `.finally()` on a race that exists, so no sleep is aborted with nobody to take its
// rejection: both reject with the search's error, and nothing is left unhandled.
describe('race-timeout sleep-arm-before-throwing-work: the search throws at its call', () => {
  const [fixture] = positives.filter((candidate) => candidate.name === 'sleep-arm-before-throwing-work');
  const throws = async (source: string, path: string) => {
    const ledger = new TimerLedger();
    const search = () => {
      throw new Error('search threw');
    };
    const exports = loadModule(source, path, { search }, ledger);
    const outcome = await settle(exports.process('term'));
    await ledger.drain();
    return outcome;
  };
  it('the same error, and no rejection left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const before = await throws(readText(fixture.inputPath), fixture.inputPath);
      const after = await throws(readText(fixture.outputPath!), fixture.outputPath!);
      await new Promise((resolve) => setImmediate(resolve));
      expect(before).toMatchObject({ status: 'rejected', message: 'search threw' });
      expect(after).toEqual(before);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
