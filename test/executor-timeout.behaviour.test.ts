// Runs every executor-timeout input fixture and its output side by side, in the three scenarios, and
// measures the leak: the same outcome, the input leaves a timer armed (or a losing fetch running),
// the output does not. Each fixture exports `process(term)`, Listing 4's entry point; helpers
// (`withTimeout`, `Deadline.within`, `delay`) are exercised through it.
import { describe, expect, it } from 'vitest';
import { listFixtureCases, loadModule, readText, runInputThenOutput, runListing4WithSearchTaking, runScenario, SCENARIOS, settle, TimerLedger, Work, type Outcome, type Scenario } from './harness';

// `interval-*`: the work is an interval polling for it; measured below, intervals counted too.
// `kept-*`: the settling callback is kept in a registry; measured below, the registry's size too.
const isIntervalCase = (fixture: { name: string }) => fixture.name.startsWith('interval-');
const isKeptCase = (fixture: { name: string }) => fixture.name.startsWith('kept-');
const intervalCases = listFixtureCases('executor-timeout').filter((fixture) => !fixture.isNegative && isIntervalCase(fixture));
const keptCases = listFixtureCases('executor-timeout').filter((fixture) => !fixture.isNegative && isKeptCase(fixture));
// `cached-*`: the leak is on the path of a second call, answered from the cache; measured below.
const isCachedCase = (fixture: { name: string }) => fixture.name.startsWith('cached-');
const cachedCases = listFixtureCases('executor-timeout').filter((fixture) => !fixture.isNegative && isCachedCase(fixture));
const positives = listFixtureCases('executor-timeout').filter((fixture) => !fixture.isNegative && !isIntervalCase(fixture) && !isKeptCase(fixture) && !isCachedCase(fixture));
const [listing4] = positives.filter((fixture) => fixture.name === 'listing-4');

// This input already clears the timer when the work fulfils; its leak is on the failure path only.
const leaksOnlyWhenWorkFails = new Set(['success-only-clear', 'typeof-guarded-clear']);
// These inputs clear the timer on every settle point; their leak is a synchronous throw of the work (proved below).
const leaksOnlyOnSyncThrow = new Set(['clear-on-sync-throw', 'sync-throw-caught', 'sync-throw-new-url-caught', 'cleared-in-callback-finally-caught', 'optional-call-after-timer-caught', 'sync-throw-caught-typed', 'sync-throw-timer-logs-caught']);
// These inputs clear the timer when the work fails; their leak is when it fulfils (an early return,
// a clear guarded by the value, a call between the settle and the clear that throws).
const leaksOnlyWhenWorkWins = new Set(['early-return-skips-clear', 'clear-guarded-by-value', 'clear-after-chained-call']);
// `work.then(resolve)`: a rejection of the work settles nothing; the timer does. With
// --settle-on-work-rejection=true the output hands it to reject: it rejects with the work's error, at once.
const workRejectionUnhandled = new Set(['then-resolve-only', 'settle-on-work-rejection']);
const isWiredFetch = (output: string) => /\bsignal: fetchController\.signal\b/.test(output);

interface Measured {
  outcome: Outcome;
  armedAfterSettle: number;
  signals: boolean[];
  fetchCalls: number;
  unhandledRejections: number;
}

// runScenario's `search` and `fetch`, plus a node-style callback API over the same work and a quiet console.
async function measure(source: string, path: string, scenario: Scenario | 'work throws'): Promise<Measured> {
  const ledger = new TimerLedger();
  const work = new Work(scenario === 'work throws' ? 'work fails' : scenario);
  const searchCallback = (term: string, callback: (error: Error | null, record?: string) => void) => {
    if (scenario === 'work throws') throw new TypeError('search threw');
    work.search(term).then(
      (record) => callback(null, record),
      (error: Error) => callback(error),
    );
  };
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const exports = loadModule(source, path, { search: work.search, fetch: work.fetch, searchCallback, console: quiet }, ledger);
  const outcome = await settle(exports.process('term'));
  const armedAfterSettle = ledger.armedCount();
  const signals = work.signals.map((signal) => signal.aborted);
  const fetchCalls = work.calls;
  work.release();
  await ledger.drain();
  return { outcome, armedAfterSettle, signals, fetchCalls, unhandledRejections: work.unhandledRejections };
}

describe.each(positives)('executor-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([measure(input, fixture.inputPath, scenario), measure(output, fixture.outputPath!, scenario)]);
  const leaksOnlyOnThrow = leaksOnlyOnSyncThrow.has(fixture.name);

  it.concurrent('work wins: same value; the input leaves the timer armed, the output none', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after.outcome).toEqual(before.outcome);
    if (!leaksOnlyWhenWorkFails.has(fixture.name) && !leaksOnlyOnThrow) expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
    // a fetch that won is never aborted
    expect(after.signals.every((aborted) => !aborted)).toBe(true);
  });

  it.concurrent('work fails: same error; the input leaves the timer armed, the output none', async () => {
    const [before, after] = await both('work fails');
    if (workRejectionUnhandled.has(fixture.name)) {
      // nothing hands the work's rejection to the promise: both wait for the timer, which settles them
      expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search canceled' });
      expect(before.unhandledRejections).toBe(1);
      const handsRejectionOn = Boolean(fixture.options['settle-on-work-rejection']);
      expect(after.outcome).toEqual(handsRejectionOn ? { status: 'rejected', errorClass: 'Error', name: 'Error', message: 'search failed' } : before.outcome);
      // handing the rejection to reject also handles it; otherwise the output drops it as the input did
      expect(after.unhandledRejections).toBe(handsRejectionOn ? 0 : 1);
      expect(after.armedAfterSettle).toBe(0);
      return;
    }
    expect(before.outcome).toMatchObject({ status: 'rejected', errorClass: 'Error', message: 'search failed' });
    expect(after.outcome).toEqual(before.outcome);
    if (!leaksOnlyOnThrow && !leaksOnlyWhenWorkWins.has(fixture.name)) expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
  });


  it.concurrent('timeout wins: same timeout outcome; nothing armed after; a losing fetch is aborted', async () => {
    const [before, after] = await both('timeout wins');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.outcome.status === 'rejected' ? before.outcome.message : before.outcome.value).toMatch(/search canceled|cached value/);
    expect(after.armedAfterSettle).toBe(0);
    expect(after.fetchCalls).toBe(before.fetchCalls);
    if (isWiredFetch(output)) {
      // the forgotten sender: the input's fetch runs on with no way to stop it
      expect(before.signals).toEqual([]);
      expect(after.signals).toEqual([true]);
    }
  });
});

describe.each(positives.filter((fixture) => leaksOnlyOnSyncThrow.has(fixture.name)))('executor-timeout $name, when the work throws', (fixture) => {
  it('work throws synchronously: same error; the input leaves the timer armed, the output none', async () => {
    const [before, after] = await Promise.all([measure(readText(fixture.inputPath), fixture.inputPath, 'work throws'), measure(readText(fixture.outputPath!), fixture.outputPath!, 'work throws')]);
    expect(before.outcome).toEqual({ status: 'rejected', errorClass: 'TypeError', name: 'TypeError', message: 'search threw' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(1);
    expect(after.armedAfterSettle).toBe(0);
  });
});

describe('executor-timeout fixture set', () => {
  it('proves the fetch wiring on at least the chained and the async-IIFE shapes', () => {
    const wired = positives.filter((fixture) => isWiredFetch(readText(fixture.outputPath!))).map((fixture) => fixture.name);
    expect(wired).toEqual(expect.arrayContaining(['fetch', 'fetch-async-iife']));
  });
});

describe('Listing 4 (executor) measured with process.getActiveResourcesInfo()', () => {
  it('work wins: the input leaves one more active Timeout, the output none', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runScenario(source, path, 'work wins', { realTimers: true }));
    expect(before.armedAfterSettle).toBe(1);
    expect(after.armedAfterSettle).toBe(0);
  });
});

// The article's own numbers on the real clock: search takes 200 ms, process gives up after 100 ms.
describe('Listing 4 (executor) with the article\'s timings', () => {
  // Listing 4 (executor) logs the record it found: keep the test output quiet.
  const quietConsole = { console: { log: () => undefined } };

  it('timeout wins (search takes 200 ms): both reject with "search canceled" after 100 ms', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runListing4WithSearchTaking(source, path, 200, quietConsole));
    expect(before.outcome).toEqual({ status: 'rejected', errorClass: 'Error', name: 'Error', message: 'search canceled' });
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armed).toBe(0);
  });

  it('work wins (search takes 20 ms): both resolve; the input keeps the 100 ms timer armed, the output does not', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => runListing4WithSearchTaking(source, path, 20, quietConsole));
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value for term' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armed).toBe(1);
    expect(after.armed).toBe(0);
  });
});

// The intervals a module arms, counted until cleared; the timers go to the ledger as always.
class IntervalLedger {
  readonly active = new Set<ReturnType<typeof setInterval>>();
  readonly setInterval = ((callback: () => void, ms?: number) => {
    const handle = setInterval(callback, ms);
    this.active.add(handle);
    return handle;
  }) as typeof setInterval;
  readonly clearInterval = ((handle: ReturnType<typeof setInterval> | undefined) => {
    if (handle !== undefined) this.active.delete(handle);
    clearInterval(handle);
  }) as typeof clearInterval;
  drain(): void {
    for (const handle of this.active) clearInterval(handle);
    this.active.clear();
  }
}

async function measurePolling(source: string, path: string, scenario: Scenario): Promise<{ outcome: Outcome; armedAfterSettle: number; intervalsAfterSettle: number }> {
  const ledger = new TimerLedger();
  const intervals = new IntervalLedger();
  const work = new Work(scenario);
  const exports = loadModule(source, path, { search: work.search, setInterval: intervals.setInterval, clearInterval: intervals.clearInterval }, ledger);
  const outcome = await settle(exports.process('term'));
  const measured = { outcome, armedAfterSettle: ledger.armedCount(), intervalsAfterSettle: intervals.active.size };
  work.release();
  intervals.drain();
  await ledger.drain();
  return measured;
}

describe.each(intervalCases)('executor-timeout $name (an interval polls for the work)', (fixture) => {
  const both = (scenario: Scenario) => Promise.all([measurePolling(readText(fixture.inputPath), fixture.inputPath, scenario), measurePolling(readText(fixture.outputPath!), fixture.outputPath!, scenario)]);

  it.concurrent('timeout wins: same timeout error; the input polls on, the output stops polling', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toEqual({ status: 'rejected', errorClass: 'Error', name: 'Error', message: 'search canceled' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.intervalsAfterSettle).toBe(1);
    expect(after.intervalsAfterSettle).toBe(0);
    expect(after.armedAfterSettle).toBe(0);
  });

  // a poll that does not clear the timer leaves it armed when it wins
  it.concurrent('work wins: same value; the output leaves neither the interval nor the timer', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.intervalsAfterSettle).toBe(0);
    if (fixture.name === 'interval-polls-timer-left') expect(before.armedAfterSettle).toBe(1);
    expect(after.intervalsAfterSettle + after.armedAfterSettle).toBe(0);
  });

  // a poll that hands on the work's error rejects with it; one that waits only for a value times out, and then polls on
  it.concurrent('work fails: same outcome; the output leaves neither the interval nor the timer', async () => {
    const [before, after] = await both('work fails');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.outcome).toMatchObject({ status: 'rejected', message: expect.stringMatching(/search failed|search canceled/) });
    if (before.outcome.status === 'rejected' && before.outcome.message === 'search canceled') expect(before.intervalsAfterSettle).toBe(1);
    expect(after.intervalsAfterSettle + after.armedAfterSettle).toBe(0);
  });
});

// The module's registry: its size once the promise has settled, and once the late answer came too.
async function measureRegistry(source: string, path: string, scenario: Scenario): Promise<{ outcome: Outcome; armedAfterSettle: number; entriesAfterSettle: number; entriesAfterLateAnswer: number }> {
  const ledger = new TimerLedger();
  const work = new Work(scenario);
  const exports = loadModule(source, path, { search: work.search }, ledger);
  const outcome = await settle(exports.process('term'));
  const armedAfterSettle = ledger.armedCount();
  const entriesAfterSettle = exports.pendingCount();
  work.release();
  await new Promise((resolve) => setImmediate(resolve));
  const entriesAfterLateAnswer = exports.pendingCount();
  await ledger.drain();
  return { outcome, armedAfterSettle, entriesAfterSettle, entriesAfterLateAnswer };
}

describe.each(keptCases)('executor-timeout $name (the settling callback is kept in a registry)', (fixture) => {
  const both = (scenario: Scenario) => Promise.all([measureRegistry(readText(fixture.inputPath), fixture.inputPath, scenario), measureRegistry(readText(fixture.outputPath!), fixture.outputPath!, scenario)]);

  it.concurrent('timeout wins: same fallback; the input keeps the entry until the late answer, the output deletes it', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'cached value' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.entriesAfterSettle).toBe(1);
    expect(after.entriesAfterSettle).toBe(0);
    // the late answer finds nothing to run, and nothing is left either way
    expect(after.entriesAfterLateAnswer).toBe(0);
    expect(after.armedAfterSettle).toBe(0);
  });

  it.concurrent('work wins: same value; neither leaves the entry or the timer', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after).toEqual(before);
    expect(after.entriesAfterSettle + after.armedAfterSettle).toBe(0);
  });

  // the answer never comes: the timer's fallback, and the input's entry stays for good
  it.concurrent('work fails: same fallback; the input keeps the entry for good, the output none', async () => {
    const [before, after] = await both('work fails');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.entriesAfterLateAnswer).toBe(1);
    expect(after.entriesAfterLateAnswer + after.armedAfterSettle).toBe(0);
  });
});

// A first call fills the cache; a second one settles from it above the timer, and the executor arms
// the timer all the same: the input leaves it armed, the output clears it when the promise settles.
describe.each(cachedCases)('executor-timeout $name (settled from a cache above the timer)', (fixture) => {
  const secondCall = async (source: string, path: string, scenario: Scenario) => {
    const ledger = new TimerLedger();
    const first = new Work('work wins');
    const second = new Work(scenario);
    let work = first;
    const exports = loadModule(source, path, { search: (term: string) => work.search(term) }, ledger);
    const filled = await settle(exports.process('term'));
    work = second;
    const outcome = await settle(exports.process('term'));
    const armedAfterSettle = ledger.armedCount();
    second.release();
    await ledger.drain();
    return { filled, outcome, armedAfterSettle };
  };
  // the second search, answered or failed at once, clears the timer in a microtask queued before the
  // caller resumes; one that hangs leaves it armed in the input
  it.each(SCENARIOS)('%s on the second call: the cached value; the input leaves the timer armed while the search hangs, the output none', async (scenario) => {
    const before = await secondCall(readText(fixture.inputPath), fixture.inputPath, scenario);
    const after = await secondCall(readText(fixture.outputPath!), fixture.outputPath!, scenario);
    expect(before.filled).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after).toEqual({ ...before, armedAfterSettle: 0 });
    expect(before.armedAfterSettle).toBe(scenario === 'timeout wins' ? 1 : 0);
  });
});
