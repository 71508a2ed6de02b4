// Runs every watchdog-timeout input fixture and its output side by side, in the three scenarios, and
// measures the leak: the same outcome (value, or error by class, name and message), and what the
// timer does once the call is over. When the work fails, the input leaves the watchdog armed, and
// firing it then still throws, warns or flips its flag; the output leaves nothing armed. The search
// settles and the timer fires when the test says: no real clock is involved.
import { describe, expect, it } from 'vitest';
import { flush, listFixtureCases, ManualClock, readText, settle, transpile, type Outcome, type Scenario } from './harness';

interface Run {
  outcome: Outcome;
  /** timers still armed right after the call settled */
  armedAfterSettle: number;
  /** what firing the timer did, when the test fired it (after the call, or while the work was pending) */
  late?: string;
}

function fire(clock: ManualClock): string {
  try {
    clock.fireAll();
    return 'fired';
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

async function run(source: string, path: string, scenario: Scenario): Promise<Run> {
  const clock = new ManualClock();
  let answer: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const work = new Promise<string>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  const globals: Record<string, unknown> = { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, search: () => work };
  const module = { exports: {} as Record<string, any> };
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, require, module, ...Object.values(globals));
  const pending = settle(module.exports.process('term'));
  await flush(1);
  let late: string | undefined;
  if (scenario === 'timeout wins') {
    // the watchdog fires while the search is still out, then the search answers
    late = fire(clock);
    answer('some value');
  } else if (scenario === 'work wins') {
    answer('some value');
  } else {
    fail(new Error('search failed'));
  }
  const outcome = await pending;
  const armedAfterSettle = clock.timers.size;
  if (scenario !== 'timeout wins') late = fire(clock);
  return { outcome, armedAfterSettle, late };
}

const positives = listFixtureCases('watchdog-timeout').filter((fixture) => !fixture.isNegative);

describe.each(positives)('watchdog-timeout $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('work wins: same value; neither leaves the timer armed', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(0);
    expect(after.armedAfterSettle).toBe(0);
  });

  it('work fails: same error; the input leaves the timer armed (it fires late), the output none', async () => {
    const [before, after] = await both('work fails');
    expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search failed' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.armedAfterSettle).toBe(1);
    expect(after.armedAfterSettle).toBe(0);
    expect(after.late).toBe('fired');
  });

  it('timeout wins: the timer does the same while the work is out, and the outcome is the same', async () => {
    const [before, after] = await both('timeout wins');
    expect(after.late).toBe(before.late);
    expect(after.outcome).toEqual(before.outcome);
    expect(after.armedAfterSettle).toBe(0);
  });
});
