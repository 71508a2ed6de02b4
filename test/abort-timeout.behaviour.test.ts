// Runs every abort-timeout input fixture and its output side by side, in the three scenarios, and
// measures the leak: the same outcome; the input leaves the abort timer armed after the work settled,
// the output leaves none; a fetch that answered is never aborted, one that hung is aborted by both.
import { describe, expect, it } from 'vitest';
import { listFixtureCases, loadModule, readText, runInputThenOutput, runListing4, settle, TimerLedger, Work, type Outcome, type Scenario } from './harness';

const positives = listFixtureCases('abort-timeout').filter((fixture) => !fixture.isNegative);

// This input already clears the timer when fetch answers; its leak is on the failure path only.
const leaksOnlyWhenWorkFails = new Set(['success-only-clear', 'redundant-clear-with-comment', 'literals-keep-their-text', 'fetch-alias', 'clear-before-awaited-body', 'clear-after-fetch-no-semicolons']);

interface Measured {
  outcome: Outcome;
  armedAfterSettle: number;
  /** for each signal handed to fetch: aborted right after `process` settled */
  aborted: boolean[];
}

async function measure(source: string, path: string, scenario: Scenario): Promise<Measured> {
  const ledger = new TimerLedger();
  const work = new Work(scenario);
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const exports = loadModule(source, path, { search: work.search, fetch: work.fetch, console: quiet }, ledger);
  // a client whose own fetch takes a signal (member-fetch)
  const socket = { fetch: work.fetch };
  const outcome = await settle(exports.process('term', socket));
  const armedAfterSettle = ledger.armedCount();
  const aborted = work.signals.map((signal) => signal.aborted);
  work.release();
  await ledger.drain();
  return { outcome, armedAfterSettle, aborted };
}

describe.each(positives)('abort-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([measure(input, fixture.inputPath, scenario), measure(output, fixture.outputPath!, scenario)]);

  it.concurrent('work wins: same value; the input leaves the abort timer armed, the output none; the fetch is not aborted', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after.outcome).toEqual(before.outcome);
    if (!leaksOnlyWhenWorkFails.has(fixture.name)) expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
    expect(after.aborted.length).toBeGreaterThan(0);
    expect(after.aborted.every((aborted) => !aborted)).toBe(true);
  });

  it.concurrent('work fails: same error; the input leaves the abort timer armed, the output none', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome).toMatchObject({ status: 'rejected', errorClass: 'Error', message: 'search failed' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
  });

  it.concurrent('timeout wins: same AbortError (or its translation); the hung fetch is aborted by both; nothing armed after', async () => {
    const [before, after] = await both('timeout wins');
    // the hung fetch rejects with the controller's AbortError, or the code translates it
    expect(before.outcome).toMatchObject({ status: 'rejected', name: ['catch-abort-error', 'signal-timeout-refused'].includes(fixture.name) ? 'Error' : 'AbortError' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.aborted).toEqual([true]);
    expect(after.aborted).toEqual([true]);
    expect(after.armedAfterSettle).toBe(0);
  });
});

// The article's own numbers on the real clock, with a fetch that honours its signal: the search
// request takes 200 ms (aborted at 100 ms) or 20 ms (answers first).
describe('Listing 4 (AbortController) with the article\'s timings', () => {
  const [listing4] = positives.filter((fixture) => fixture.name === 'listing-4');
  const fetchTaking = (ms: number) => (_input: unknown, init?: { signal?: AbortSignal }) =>
    new Promise<{ text(): Promise<string> }>((resolve, reject) => {
      const answer = setTimeout(() => resolve({ text: async () => 'some value' }), ms);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(answer);
        reject(init.signal!.reason);
      }, { once: true });
    });

  const run = (source: string, path: string, fetchMs: number) => runListing4(source, path, { fetch: fetchTaking(fetchMs), console: { log: () => undefined } });

  it('timeout wins (the request takes 200 ms): both reject with the AbortError after 100 ms', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => run(source, path, 200));
    expect(before.outcome).toMatchObject({ status: 'rejected', name: 'AbortError' });
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armed).toBe(0);
  });

  it('work wins (the request takes 20 ms): both resolve; the input keeps the 100 ms timer armed, the output does not', async () => {
    const { before, after } = await runInputThenOutput(listing4, (source, path) => run(source, path, 20));
    expect(before.outcome).toEqual({ status: 'fulfilled', value: 'some value' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armed).toBe(1);
    expect(after.armed).toBe(0);
  });
});
