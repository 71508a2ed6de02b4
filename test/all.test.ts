// transforms/all.ts over every fixture of every transform: the transforms compose without
// fighting over a site, and a second pass of all of them changes nothing.
import { describe, expect, it } from 'vitest';
import all from '../transforms/all';
import { applyTransform, fixtureDisplayPath, listFixtureCases, listFixtureTransforms, readText } from './harness';

const cases = listFixtureTransforms().flatMap((transform) => listFixtureCases(transform));

describe.each(cases)('all.ts on $transform/$name', (fixture) => {
  it('is idempotent and never throws', () => {
    const input = readText(fixture.inputPath);
    const path = fixtureDisplayPath(fixture);
    const first = applyTransform(all, path, input);
    expect(first.reports.filter((line) => / failed on this file /.test(line))).toEqual([]);
    const once = first.output ?? input;
    expect(applyTransform(all, path, once).output).toBeUndefined();
  });
});
