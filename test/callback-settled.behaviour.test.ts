// Runs every callback-settled input fixture and its output side by side, in the three scenarios:
// the callback's first call is the same; the input calls it a second time (the late producer, or
// the timer that was never cleared), the output exactly once, with no timer left armed.
// The producer calls back and the timer fires when the test says: no real clock is involved.
import { describe, expect, it } from 'vitest';
import { listFixtureCases, ManualClock, readText, transpile, type Scenario } from './harness';

// Errors compared by class, name and message, as the callback would see them.
function describeArgs(args: unknown[]): unknown[] {
  return args.map((arg) => (arg instanceof Error ? { errorClass: arg.constructor.name, name: arg.name, message: arg.message } : arg));
}

interface Run {
  calls: unknown[][];
  /** timers still armed right after the first call */
  armedAfterFirstCall: number;
}

function run(source: string, path: string, scenario: Scenario): Run {
  const clock = new ManualClock();
  const producers: Array<(...args: unknown[]) => void> = [];
  const calls: unknown[][] = [];
  let armedAfterFirstCall = -1;
  const done = (...args: unknown[]) => {
    calls.push(describeArgs(args));
    if (calls.length === 1) armedAfterFirstCall = clock.timers.size;
  };
  const globals: Record<string, unknown> = {
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    console: { log: () => undefined },
    search: (_term: string, callback: (...args: unknown[]) => void) => {
      producers.push(callback);
    },
  };
  const module = { exports: {} as Record<string, any> };
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, require, module, ...Object.values(globals));
  const entry = Object.values(module.exports).find((value) => typeof value === 'function') as (term: string, done: unknown) => void;
  entry('term', done);

  const produce = () => {
    for (const producer of producers) producer(...(scenario === 'work fails' ? [new Error('search failed')] : [null, 'some value']));
  };
  if (scenario === 'timeout wins') {
    clock.fireAll();
    // the late producer: search answers after process gave up
    produce();
  } else {
    produce();
    // the timer's own moment comes, if it is still armed
    clock.fireAll();
  }
  return { calls, armedAfterFirstCall };
}

const positives = listFixtureCases('callback-settled').filter((fixture) => !fixture.isNegative);
// These inputs already clear the timer when the producer calls first: their leak is the late producer's second call.
const leaksOnlyWhenTimeoutWins = new Set(['existing-handle']);

describe.each(positives)('callback-settled $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);

  it('work wins: same first call with the record; the input\'s timer calls back again, the output calls once and leaves no timer', () => {
    const before = run(input, fixture.inputPath, 'work wins');
    const after = run(output, fixture.outputPath!, 'work wins');
    expect(before.calls[0]).toEqual([null, 'some value']);
    expect(after.calls[0]).toEqual(before.calls[0]);
    if (!leaksOnlyWhenTimeoutWins.has(fixture.name)) {
      expect(before.calls).toHaveLength(2);
      expect(before.calls[1]).toEqual([{ errorClass: 'Error', name: 'Error', message: expect.stringMatching(/canceled/) }]);
      expect(before.armedAfterFirstCall).toBe(1);
    }
    expect(after.calls).toHaveLength(1);
    expect(after.armedAfterFirstCall).toBe(0);
  });

  it('timeout wins: same timeout error first; the input\'s late producer calls back again, the output drops it', () => {
    const before = run(input, fixture.inputPath, 'timeout wins');
    const after = run(output, fixture.outputPath!, 'timeout wins');
    expect(before.calls[0]).toEqual([{ errorClass: 'Error', name: 'Error', message: expect.stringMatching(/canceled/) }]);
    expect(after.calls[0]).toEqual(before.calls[0]);
    expect(before.calls).toHaveLength(2);
    expect(after.calls).toHaveLength(1);
  });

  it('work fails: same error first; the input\'s timer calls back again, the output calls once and leaves no timer', () => {
    const before = run(input, fixture.inputPath, 'work fails');
    const after = run(output, fixture.outputPath!, 'work fails');
    expect(before.calls[0][0]).toEqual({ errorClass: 'Error', name: 'Error', message: 'search failed' });
    expect(after.calls[0]).toEqual(before.calls[0]);
    if (!leaksOnlyWhenTimeoutWins.has(fixture.name)) expect(before.calls).toHaveLength(2);
    expect(after.calls).toHaveLength(1);
    expect(after.armedAfterFirstCall).toBe(0);
  });
});
