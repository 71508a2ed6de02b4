// js-csp is the closest JavaScript has to Go's channels, and its alts behaves as Go's select: a
// timeout that wins withdraws the take, so Listing 4's goroutine stays parked on its put. Runs each
// js-csp fixture of buffered-slot and its output on the real clock (the 100 ms `csp.timeout` of the
// fixture): the work answers at once, or only after the outcome is known, so nothing races the timer.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { listFixtureCases, readText, transpile, type Scenario } from './harness';

const nodeRequire = createRequire(__filename);
const csp = nodeRequire('js-csp') as {
  chan(size?: number): unknown;
  go(generator: (...args: unknown[]) => Generator, args?: unknown[]): unknown;
  putAsync(channel: unknown, value: unknown, callback?: () => void): void;
  takeAsync(channel: unknown, callback: (value: unknown) => void): void;
};

function describeValue(value: unknown): unknown {
  return value instanceof Error ? { errorClass: value.constructor.name, message: value.message } : value;
}

interface Run {
  outcome: unknown;
  /** go blocks started and not finished after the call's outcome is known and the work has answered */
  parkedGoBlocks: number;
}

async function run(source: string, path: string, scenario: Scenario): Promise<Run> {
  let parked = 0;
  const tracked = {
    ...csp,
    go: (generator: (...args: unknown[]) => Generator, args: unknown[] = []) => {
      parked += 1;
      return csp.go(function* () {
        try {
          return yield* generator(...args);
        } finally {
          parked -= 1;
        }
      });
    },
  };
  const work = csp.chan(1);
  const answer = () => csp.putAsync(work, scenario === 'work fails' ? ['', new Error('search failed')] : ['some value', null]);
  const globals: Record<string, unknown> = { search: () => work, console: { log: () => undefined } };
  const fixtureRequire = (id: string) => (id === 'js-csp' ? { ...tracked, default: tracked, __esModule: true } : nodeRequire(id));
  const module = { exports: {} as Record<string, any> };
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, fixtureRequire, module, ...Object.values(globals));
  const entry = Object.values(module.exports).find((value) => typeof value === 'function') as (term: string) => unknown;

  if (scenario !== 'timeout wins') answer();
  const outcome = await new Promise((resolve) => csp.takeAsync(entry('term'), resolve));
  // the article's search answers at 200 ms, after process gave up at 100 ms
  if (scenario === 'timeout wins') answer();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { outcome: describeValue(outcome), parkedGoBlocks: parked };
}

const cspCases = listFixtureCases('buffered-slot').filter((fixture) => !fixture.isNegative && fixture.name.includes('csp'));

describe.each(cspCases)('buffered-slot $name (js-csp, real clock)', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('timeout wins: same "search canceled"; the input\'s goroutine stays parked on its put, the output\'s finishes', async () => {
    const [before, after] = await both('timeout wins');
    expect(before.outcome).toEqual({ errorClass: 'Error', message: 'search canceled' });
    expect(after.outcome).toEqual(before.outcome);
    expect(before.parkedGoBlocks).toBe(1);
    expect(after.parkedGoBlocks).toBe(0);
  });

  it('work wins: same result; every goroutine finishes', async () => {
    const [before, after] = await both('work wins');
    expect(after.outcome).toEqual(before.outcome);
    expect(before.parkedGoBlocks).toBe(0);
    expect(after.parkedGoBlocks).toBe(0);
  });

  it('work fails: same error; every goroutine finishes', async () => {
    const [before, after] = await both('work fails');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.parkedGoBlocks).toBe(0);
  });
});
