// transforms/all.ts over every fixture of every transform: the transforms compose without
// fighting over a site, and a second pass of all of them changes nothing.
import { describe, expect, it } from 'vitest';
import all from '../transforms/all';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';
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

  it('gives each site one verdict, from one rule', () => {
    const { findings } = runRules(registry, fixtureDisplayPath(fixture), readText(fixture.inputPath), fixture.options);
    const rulesBySite = new Map<number, Set<string>>();
    const fixesBySite = new Map<number, number>();
    for (const finding of findings) {
      rulesBySite.set(finding.site.start, (rulesBySite.get(finding.site.start) ?? new Set()).add(finding.rule));
      if (finding.status === 'fixed') fixesBySite.set(finding.site.start, (fixesBySite.get(finding.site.start) ?? 0) + 1);
    }
    for (const rules of rulesBySite.values()) expect([...rules]).toHaveLength(1);
    for (const fixes of fixesBySite.values()) expect(fixes).toBe(1);
  });
});
