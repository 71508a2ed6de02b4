// Runs every buffered-slot input fixture and its output side by side, in the three scenarios, and
// measures the forgotten sender: the same outcome; in the input the late sender stays blocked on
// its send (or the abandoned generator's finally never runs), in the output it completes.
// The work and the timer settle when the test says: the timer is a manual clock, the work a deferred.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import raceTimeoutTransform from '../transforms/race-timeout';
import { applyTransform, flush, listFixtureCases, ManualClock, readText, settle, transpile, type Outcome, type Scenario } from './harness';

const nodeRequire = createRequire(__filename);
const repeaterModule = nodeRequire('@repeaterjs/repeater') as typeof import('@repeaterjs/repeater');
const asyncChannelModule = nodeRequire('async-channel') as typeof import('async-channel');

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Leaks {
  /** sends (writer.write, a Repeater executor's push) still waiting for a reader */
  blockedSenders: number;
  /** generators whose finally has not run */
  openCursors: number;
}

interface Run {
  outcome: Outcome;
  leaks: Leaks;
  received: unknown[];
  /** timers still armed once the call settled and the late work finished */
  armed: number;
}

async function run(source: string, path: string, scenario: Scenario): Promise<Run> {
  const clock = new ManualClock();
  const work = deferred<string>();
  const leaks: Leaks = { blockedSenders: 0, openCursors: 0 };
  const received: unknown[] = [];

  class TrackedTransformStream<I, O> extends TransformStream<I, O> {
    constructor(...args: ConstructorParameters<typeof TransformStream<I, O>>) {
      super(...args);
      const writable = this.writable;
      const getWriter = writable.getWriter.bind(writable);
      writable.getWriter = () => {
        const writer = getWriter();
        const write = writer.write.bind(writer);
        writer.write = (chunk?: I) => {
          leaks.blockedSenders += 1;
          const written = write(chunk as I);
          const done = () => {
            leaks.blockedSenders -= 1;
          };
          written.then(done, done);
          return written;
        };
        return writer;
      };
    }
  }
  class TrackedRepeater<T> extends repeaterModule.Repeater<T> {
    constructor(executor: (push: (value: T) => Promise<unknown>, stop: unknown) => unknown, buffer?: any) {
      super(async (push, stop) => {
        leaks.blockedSenders += 1;
        try {
          return await (executor(push as (value: T) => Promise<unknown>, stop) as never);
        } finally {
          leaks.blockedSenders -= 1;
        }
      }, buffer);
    }
  }

  class TrackedChannel<T> extends asyncChannelModule.Channel<T> {
    push(value: T | PromiseLike<T>): Promise<void> {
      leaks.blockedSenders += 1;
      const pushed = super.push(value);
      const done = () => {
        leaks.blockedSenders -= 1;
      };
      pushed.then(done, done);
      return pushed;
    }
  }

  const globals: Record<string, unknown> = {
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    console: { log: (...args: unknown[]) => received.push(args) },
    TransformStream: TrackedTransformStream,
    search: () => work.promise,
    searchMirror: () => work.promise,
    // the consumer's own preparation: hangs when the timeout wins, so the consumer leaves before reading
    openPrinter: () => (scenario === 'timeout wins' ? new Promise(() => undefined) : Promise.resolve({ print: (record: unknown) => received.push(record) })),
    timeout: (ms: number) => new Promise((_, reject) => clock.setTimeout(() => reject(new Error('search canceled')), ms)),
    openCursor: () => {
      leaks.openCursors += 1;
      return {
        close: () => {
          leaks.openCursors -= 1;
        },
      };
    },
  };
  const fixtureRequire = (id: string) =>
    id === '@repeaterjs/repeater' ? { ...repeaterModule, Repeater: TrackedRepeater } : id === 'async-channel' ? { ...asyncChannelModule, Channel: TrackedChannel } : nodeRequire(id);
  const module = { exports: {} as Record<string, any> };
  new Function('exports', 'require', 'module', ...Object.keys(globals), transpile(source, path))(module.exports, fixtureRequire, module, ...Object.values(globals));
  const entry = Object.values(module.exports).find((value) => typeof value === 'function') as (term: string) => Promise<unknown>;

  const result = settle(entry('term'));
  await flush(10);
  if (scenario === 'work wins') work.resolve('some value');
  if (scenario === 'work fails') work.reject(new Error('search failed'));
  if (scenario === 'timeout wins') clock.fireAll();
  const outcome = await result;
  // the article's search finishes at 200 ms, after process gave up at 100 ms
  if (scenario === 'timeout wins') work.resolve('some value');
  await flush(10);
  return { outcome, leaks, received, armed: clock.timers.size };
}

// js-csp fixtures return a csp channel and run on csp's own clock: test/buffered-slot.csp.test.ts.
const positives = listFixtureCases('buffered-slot').filter((fixture) => !fixture.isNegative && !fixture.name.includes('csp'));
// An iterator that won the race is the consumer's to finish; the rewrite returns it only when the timer wins.
const isIteratorCase = (name: string) => name.startsWith('iterator');
// Not a leak in JavaScript: the race's `reader.read()` stays pending after the timer wins and takes
// the late value, so the write completes. The buffer changes nothing observable there.
const pendingReadTakesLateValue = new Set(['stream-read-raced']);
// The iterator is refused (read again, or its return() would need a value, or the timer is a
// sentinel): only the race's timer is fixed, and the abandoned generator stays as it was.
const iteratorRefused = (name: string) => ['iterator-read-again', 'iterator-returns-value', 'iterator-typed-iterable-iterator', 'iterator-sentinel'].includes(name);

describe.each(positives)('buffered-slot $name', (fixture) => {
  const input = readText(fixture.inputPath);
  const output = readText(fixture.outputPath!);
  const both = (scenario: Scenario) => Promise.all([run(input, fixture.inputPath, scenario), run(output, fixture.outputPath!, scenario)]);

  it('timeout wins: same outcome; the input\'s late sender stays blocked (or its finally never runs), the output\'s completes', async () => {
    const [before, after] = await both('timeout wins');
    if (fixture.name !== 'iterator-sentinel') expect(before.outcome).toMatchObject({ status: 'rejected', message: 'search canceled' });
    expect(after.outcome).toEqual(before.outcome);
    if (iteratorRefused(fixture.name)) {
      expect(after.leaks).toEqual(before.leaks);
      return;
    }
    expect(before.leaks.blockedSenders + before.leaks.openCursors).toBe(pendingReadTakesLateValue.has(fixture.name) ? 0 : 1);
    expect(after.leaks).toEqual({ blockedSenders: 0, openCursors: 0 });
  });

  it('work wins: a timer of the race the work won is cleared in the output', async () => {
    const [before, after] = await both('work wins');
    expect(after.armed).toBeLessThanOrEqual(before.armed);
    if (output.includes('clearTimeout(') && !input.includes('clearTimeout(')) {
      expect(before.armed).toBeGreaterThan(0);
      expect(after.armed).toBe(0);
    }
  });

  it('work wins: same value, same output; the sender completes in both', async () => {
    const [before, after] = await both('work wins');
    expect(before.outcome.status).toBe('fulfilled');
    expect(after.outcome).toEqual(before.outcome);
    expect(after.received).toEqual(before.received);
    // an unbuffered Repeater's push waits for a second next() even when the work wins: it leaks here too
    expect(before.leaks.blockedSenders).toBe(fixture.name.includes('listing-4') || fixture.name.startsWith('repeater') ? 1 : 0);
    if (iteratorRefused(fixture.name)) return;
    expect(after.leaks.blockedSenders).toBe(0);
    if (isIteratorCase(fixture.name)) expect(after.leaks.openCursors).toBe(before.leaks.openCursors);
  });

  it('work fails: same error; nothing left blocked', async () => {
    const [before, after] = await both('work fails');
    // a producer that turns the failure into a fallback record resolves; the others reject with it
    if (before.outcome.status === 'rejected') expect(before.outcome).toMatchObject({ message: 'search failed' });
    else expect(input).toContain("'no record'");
    expect(after.outcome).toEqual(before.outcome);
    if (iteratorRefused(fixture.name)) expect(after.leaks).toEqual(before.leaks);
    else expect(after.leaks).toEqual({ blockedSenders: 0, openCursors: 0 });
  });
});

// A race over a channel's or an iterator's `next()` is buffered-slot's alone: race-timeout leaves it,
// input and output, to buffered-slot.
describe.each(positives.filter((fixture) => readText(fixture.inputPath).includes('.next()')))('buffered-slot $name beside race-timeout', (fixture) => {
  it('race-timeout changes neither its input nor its output', () => {
    expect(applyTransform(raceTimeoutTransform, fixture.inputPath, readText(fixture.inputPath)).output).toBeUndefined();
    expect(applyTransform(raceTimeoutTransform, fixture.outputPath!, readText(fixture.outputPath!)).output).toBeUndefined();
  });
});
