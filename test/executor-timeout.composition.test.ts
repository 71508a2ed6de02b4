// all.ts runs race-timeout, then executor-timeout, then abort-timeout over one parse. None of them
// may rewrite what another already fixed, or rewrite the other's candidates a second time:
// - on executor-timeout and abort-timeout fixtures, the three together give exactly the fixture's output;
// - on race-timeout fixtures, executor-timeout and abort-timeout change nothing;
// - the three together are idempotent on every output.
import type { API, FileInfo, Options } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { abortTimeout } from '../transforms/abort-timeout';
import { executorTimeout } from '../transforms/executor-timeout';
import { runCodemods } from '../transforms/lib/codemod';
import { raceTimeout } from '../transforms/race-timeout';
import { applyTransform, fixtureDisplayPath, listFixtureCases, readText } from './harness';

const suite = (file: FileInfo, api: API, options: Options) => runCodemods([raceTimeout, executorTimeout, abortTimeout], file, api, options);
const mine = (file: FileInfo, api: API, options: Options) => runCodemods([executorTimeout, abortTimeout], file, api, options);

const ours = [...listFixtureCases('executor-timeout'), ...listFixtureCases('abort-timeout')];

describe.each(ours.filter((fixture) => !fixture.isNegative))('race-timeout → executor-timeout → abort-timeout on $transform/$name', (fixture) => {
  it('gives exactly the fixture output, and nothing more on a second run', () => {
    const { output } = applyTransform(suite, fixtureDisplayPath(fixture), readText(fixture.inputPath));
    expect(output).toBe(readText(fixture.outputPath!));
    expect(applyTransform(suite, fixtureDisplayPath(fixture), output!).output).toBeUndefined();
  });
});

describe.each(ours.filter((fixture) => fixture.isNegative))('race-timeout → executor-timeout → abort-timeout on $transform/$name', (fixture) => {
  it('leaves the negative unchanged', () => {
    expect(applyTransform(suite, fixtureDisplayPath(fixture), readText(fixture.inputPath)).output).toBeUndefined();
  });
});

describe.each(listFixtureCases('race-timeout'))('executor-timeout and abort-timeout on race-timeout/$name', (fixture) => {
  it('change neither its input nor its output', () => {
    expect(applyTransform(mine, fixtureDisplayPath(fixture), readText(fixture.inputPath)).output).toBeUndefined();
    if (fixture.outputPath) expect(applyTransform(mine, fixtureDisplayPath(fixture), readText(fixture.outputPath)).output).toBeUndefined();
  });
});
