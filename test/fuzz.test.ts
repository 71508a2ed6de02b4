// Generated files, deterministic (a fixed seed): the fixtures' inputs re-written with other
// indentation (tabs, four spaces), line endings (CRLF, mixed), comments between statements,
// trailing spaces and template literals over lines. For every file: the output parses, a second run
// changes nothing, the safety net stays silent, every line the rewrite did not touch is byte for
// byte the original's, and for race-timeout the execution proof still holds (same outcome, no timer
// left). `FUZZ_FILES=2000 npx vitest run test/fuzz.test.ts` (npm run fuzz) runs longer.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../transforms/engine/parse';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';
import { listFixtureCases, listFixtureTransforms, readText, runScenario } from './harness';

const FILES = Number(process.env.FUZZ_FILES ?? 240);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

// mulberry32: small, fast, and the same everywhere
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Variant {
  name: string;
  path: string;
  source: string;
  transform: string;
}

const inputs = listFixtureTransforms().flatMap((transform) =>
  listFixtureCases(transform)
    .filter((fixture) => !fixture.options || Object.keys(fixture.options).length === 0)
    .map((fixture) => ({ transform, fixture, source: readText(fixture.inputPath) })),
);

function mutate(source: string, next: () => number): string {
  let lines = source.split('\n');
  // indentation: two spaces become a tab or four spaces, for the whole file
  const indent = next();
  if (indent < 0.3) lines = lines.map((line) => line.replace(/^(?: {2})+/, (run) => '\t'.repeat(run.length / 2)));
  else if (indent < 0.55) lines = lines.map((line) => line.replace(/^(?: {2})+/, (run) => '    '.repeat(run.length / 2)));
  // a comment line, or a trailing space, here and there (never inside a template literal)
  let inTemplate = false;
  lines = lines.flatMap((line) => {
    const ticks = (line.match(/`/g) ?? []).length;
    const wasInTemplate = inTemplate;
    if (ticks % 2 === 1) inTemplate = !inTemplate;
    if (wasInTemplate || inTemplate) return [line];
    const roll = next();
    if (roll < 0.08 && /^\s*(?:const|let|return|await|search|setTimeout)\b/.test(line)) return [`${/^\s*/.exec(line)![0]}// note: ${Math.floor(next() * 1000)}`, line];
    if (roll < 0.16 && line.trim() !== '' && !line.trimEnd().endsWith('\\')) return [`${line}  `];
    return [line];
  });
  let text = lines.join('\n');
  // an error message as a template literal over two lines
  if (next() < 0.3) text = text.replace(/new Error\('search canceled'\)/, 'new Error(`search\ncanceled`)');
  // line endings: all CRLF, or every other line
  const endings = next();
  if (endings < 0.25) text = text.replace(/\n/g, '\r\n');
  else if (endings < 0.35) {
    let index = 0;
    text = text.replace(/\n/g, () => (index++ % 2 === 0 ? '\r\n' : '\n'));
  }
  return text;
}

function variants(): Variant[] {
  const next = random(SEED);
  const result: Variant[] = [];
  for (let index = 0; index < FILES; index += 1) {
    const { transform, fixture, source } = inputs[Math.floor(next() * inputs.length)];
    result.push({ name: `${index}: ${transform}/${fixture.name}`, path: fixture.inputPath, source: mutate(source, next), transform });
  }
  return result;
}

// Lines of the original that the output holds unchanged, in order, are every line outside the
// rewrite's hunks: compare the untouched head and tail of the two texts, line by line.
function untouchedLinesKept(before: string, after: string): boolean {
  const a = before.split(/(?<=\r\n|\n|\r(?!\n))/);
  const b = after.split(/(?<=\r\n|\n|\r(?!\n))/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  // every line of the original is in the head, the tail, or a changed hunk between them: nothing
  // outside [head, length - tail) may differ, which holds by construction of head and tail; what
  // matters is that the terminators of the kept lines are the original's
  return a.slice(0, head).join('') === b.slice(0, head).join('') && a.slice(a.length - tail).join('') === b.slice(b.length - tail).join('');
}

describe(`fuzz: ${FILES} generated files (seed ${SEED})`, () => {
  const generated = variants();

  it.each(generated.map((variant) => [variant.name, variant] as const))('%s', async (_name, variant) => {
    const first = runRules(registry, variant.path, variant.source, {});
    expect(first.findings.filter((finding) => finding.status === 'crashed').map((finding) => finding.message.why)).toEqual([]);
    if (first.output === undefined) return;
    expect(() => parseSource(variant.path, first.output!)).not.toThrow();
    expect(untouchedLinesKept(variant.source, first.output)).toBe(true);
    const second = runRules(registry, variant.path, first.output, {});
    expect(second.output).toBeUndefined();
    if (variant.transform === 'race-timeout') {
      const [before, after] = await Promise.all([runScenario(variant.source, variant.path, 'work wins'), runScenario(first.output, variant.path, 'work wins')]);
      expect(after.outcome).toEqual(before.outcome);
      expect(after.armedAfterSettle).toBe(0);
    }
  });
});
