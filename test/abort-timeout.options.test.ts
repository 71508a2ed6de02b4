// --prefer-signal-timeout=true: AbortSignal.timeout(ms) replaces the controller and its timer, unless
// the file inspects error names (AbortSignal.timeout() rejects with a TimeoutError, not an AbortError):
// then the report says so and the timer is cleared in a finally, as without the option.
import { describe, expect, it } from 'vitest';
import transform from '../transforms/abort-timeout';
import { applyTransform, fixtureDisplayPath, listFixtureCases, loadModule, readText, settle, TimerLedger, Work, type Scenario } from './harness';

const OPTION = { 'prefer-signal-timeout': 'true' };
const cases = listFixtureCases('abort-timeout');
const fixture = (name: string) => cases.find((entry) => entry.name === name)!;

async function run(source: string, path: string, scenario: Scenario) {
  const ledger = new TimerLedger();
  const work = new Work(scenario);
  const quiet = { log: () => undefined };
  const exports = loadModule(source, path, { fetch: work.fetch, console: quiet }, ledger);
  const outcome = await settle(exports.process('term'));
  const armed = ledger.armedCount();
  const aborted = work.signals.map((signal) => signal.aborted);
  work.release();
  await ledger.drain();
  return { outcome, armed, aborted };
}

describe('abort-timeout --prefer-signal-timeout=true', () => {
  const listing4 = fixture('listing-4');
  const input = readText(listing4.inputPath);
  const { output, reports } = applyTransform(transform, fixtureDisplayPath(listing4), input, OPTION);

  it('replaces the controller and its timer with AbortSignal.timeout(ms)', () => {
    expect(reports).toEqual([]);
    expect(output).toContain('const timeoutSignal = AbortSignal.timeout(100);');
    expect(output).toContain('{ signal: timeoutSignal }');
    expect(output).not.toContain('setTimeout');
    expect(output).not.toContain('new AbortController()');
    expect(applyTransform(transform, fixtureDisplayPath(listing4), output!, OPTION).output).toBeUndefined();
  });

  it('work wins: same value, no timer of ours left armed, the signal not aborted', async () => {
    const before = await run(input, listing4.inputPath, 'work wins');
    const after = await run(output!, listing4.inputPath, 'work wins');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armed).toBe(1);
    expect(after.armed).toBe(0);
    expect(after.aborted).toEqual([false]);
  });

  it('work fails: same error', async () => {
    const before = await run(input, listing4.inputPath, 'work fails');
    const after = await run(output!, listing4.inputPath, 'work fails');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armed).toBe(0);
  });

  it('timeout wins: the fetch is aborted by both, with a TimeoutError instead of an AbortError (why it is opt-in)', async () => {
    const before = await run(input, listing4.inputPath, 'timeout wins');
    const after = await run(output!, listing4.inputPath, 'timeout wins');
    expect(before.outcome).toMatchObject({ status: 'rejected', name: 'AbortError' });
    expect(after.outcome).toMatchObject({ status: 'rejected', name: 'TimeoutError' });
    expect(after.aborted).toEqual([true]);
  });

  it('is refused with a report when the file inspects error names, and the default rewrite applies', () => {
    const guarded = fixture('catch-abort-error');
    const result = applyTransform(transform, fixtureDisplayPath(guarded), readText(guarded.inputPath), OPTION);
    expect(result.output).toBe(readText(guarded.outputPath!));
    expect(result.reports).toEqual([
      "catch-abort-error.input.js:4:3: AbortController timeout — --prefer-signal-timeout: AbortSignal.timeout() rejects with a TimeoutError, and this file inspects error names ('AbortError'); the timer is cleared in a finally instead — check for both names (`AbortError` and `TimeoutError`) before switching to AbortSignal.timeout()",
    ]);
  });

  it('keeps the default rewrite where the code clears the timer itself (its body read is not bounded today)', () => {
    const successOnly = fixture('success-only-clear');
    const result = applyTransform(transform, fixtureDisplayPath(successOnly), readText(successOnly.inputPath), OPTION);
    expect(result.output).toBe(readText(successOnly.outputPath!));
  });
});
