// Every transform with a folder under __testfixtures__ is run over each of its cases:
//   <case>.input.<ext>  → <case>.output.<ext>   (exact text)
//   <case>.output.<ext> → unchanged             (idempotence)
//   skip-<case>.input.<ext> → unchanged         (negatives)
//   <case>.reports.txt   → the exact report lines (required for negatives)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransform, FIXTURES_ROOT, fixtureDisplayPath, listFixtureCases, listFixtureTransforms, readText, type Transform } from './harness';

const transforms = listFixtureTransforms();

// `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` writes outputs and report files from the
// transforms, for review in `git diff` before they are committed. Never set in CI.
const updating = process.env.UPDATE_FIXTURES === '1' && process.env.CI !== 'true';

function reportsFile(transform: string, name: string): string {
  return join(FIXTURES_ROOT, transform, `${name}.reports.txt`);
}

function expectedReports(transform: string, name: string): string[] | undefined {
  const path = reportsFile(transform, name);
  if (!existsSync(path)) return undefined;
  return readText(path).split('\n').filter((line) => line.trim() !== '');
}

describe.each(transforms)('%s fixtures', async (transformName) => {
  const module = (await import(`../transforms/${transformName}.ts`)) as { default: Transform };
  const transform = module.default;
  const cases = listFixtureCases(transformName);

  it('has at least one positive and one negative case', () => {
    expect(cases.some((fixture) => !fixture.isNegative)).toBe(true);
    expect(cases.some((fixture) => fixture.isNegative)).toBe(true);
  });

  describe.each(cases)('$name', (fixture) => {
    const input = readText(fixture.inputPath);
    const displayPath = fixtureDisplayPath(fixture);

    if (updating) {
      const { output, reports } = applyTransform(transform, displayPath, input, fixture.options);
      if (!fixture.isNegative && output) writeFileSync(join(FIXTURES_ROOT, transformName, `${fixture.name}.output.${fixture.ext}`), output);
      if (reports.length > 0) writeFileSync(reportsFile(transformName, fixture.name), reports.join('\n') + '\n');
    }

    if (fixture.isNegative) {
      it('is left unchanged', () => {
        const { output } = applyTransform(transform, displayPath, input, fixture.options);
        expect(output ?? input).toBe(input);
        expect(output).toBeUndefined();
      });
      it('is reported with the exact message', () => {
        const expected = expectedReports(transformName, fixture.name);
        expect(expected, `${fixture.name}.reports.txt must list the reports of a negative`).toBeDefined();
        expect(applyTransform(transform, displayPath, input, fixture.options).reports).toEqual(expected);
      });
      return;
    }

    it('rewrites input to output', () => {
      expect(fixture.outputPath, `${fixture.name}.output.${fixture.ext} is missing`).toBeDefined();
      const { output, reports } = applyTransform(transform, displayPath, input, fixture.options);
      expect(output).toBe(readText(fixture.outputPath!));
      expect(reports).toEqual(expectedReports(transformName, fixture.name) ?? []);
    });
    it('is idempotent: output → output changes nothing', () => {
      const output = readText(fixture.outputPath!);
      expect(applyTransform(transform, displayPath, output, fixture.options).output).toBeUndefined();
    });
  });
});
