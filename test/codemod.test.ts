// What every transform gets from runCodemods: the parser per extension, the text bail-out, parse
// failures reported and left alone, the file's own line terminator, and all.ts over the registry.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jscodeshift from 'jscodeshift';
import type { API } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import all from '../transforms/all';
import { chooseParser } from '../transforms/lib/parser';
import raceTimeout from '../transforms/race-timeout';
import { registry } from '../transforms/registry';
import { applyTransform, FIXTURES_ROOT, listFixtureCases, listFixtureTransforms, readText } from './harness';

const listing4 = readText(join(FIXTURES_ROOT, 'race-timeout', 'listing-4.input.ts'));
const listing4Fixed = readText(join(FIXTURES_ROOT, 'race-timeout', 'listing-4.output.ts'));

describe('chooseParser', () => {
  it.each([
    ['a.ts', 'ts'],
    ['a.mts', 'ts'],
    ['a.cts', 'ts'],
    ['a.tsx', 'tsx'],
    ['a.js', 'tsx'],
    ['a.jsx', 'tsx'],
    ['a.mjs', 'tsx'],
    ['a.cjs', 'tsx'],
  ])('%s → %s', (path, parser) => {
    expect(chooseParser(path, 'export {};')).toBe(parser);
  });
  it('reads a JS file with an @flow pragma with the flow parser', () => {
    expect(chooseParser('a.js', '/* @flow */\nexport {};')).toBe('flow');
    expect(chooseParser('a.js', '// @flow strict\nexport {};')).toBe('flow');
    expect(chooseParser('a.js', '// not flow\nexport {};')).toBe('tsx');
  });
  it('parses `<T>x` casts in .ts and JSX in .tsx', () => {
    expect(applyTransform(raceTimeout, 'a.ts', 'const x = <string>race;\n').output).toBeUndefined();
    expect(applyTransform(raceTimeout, 'a.tsx', 'const x = <div>{race}</div>;\n').output).toBeUndefined();
  });
  it('rewrites a Flow file', () => {
    const source = '// @flow\n' + readText(join(FIXTURES_ROOT, 'race-timeout', 'listing-4-js.input.js'));
    expect(applyTransform(raceTimeout, 'a.js', source).output).toContain('.finally(() => clearTimeout(timerHandle))');
  });
});

describe('runCodemods', () => {
  it('never parses a file without a candidate', () => {
    const api = {
      jscodeshift: new Proxy(jscodeshift, {
        get() {
          throw new Error('parsed');
        },
      }),
      report: () => undefined,
    } as unknown as API;
    expect(raceTimeout({ path: 'a.ts', source: 'export const x = setTimeout(() => {}, 1);\n' }, api, {})).toBeUndefined();
  });

  it('reports a file that does not parse, with its location, and leaves it untouched', () => {
    const { output, reports } = applyTransform(raceTimeout, 'src/broken.js', 'const a = ;\nPromise.race([work, timeout]);\n');
    expect(output).toBeUndefined();
    expect(reports).toEqual(['src/broken.js:1:11: file does not parse — Unexpected token; left untouched — fix the syntax error, or exclude the file from the run']);
  });

  it('keeps CRLF line endings', () => {
    const { output } = applyTransform(raceTimeout, 'a.ts', listing4.replace(/\n/g, '\r\n'));
    expect(output).toBe(listing4Fixed.replace(/\n/g, '\r\n'));
  });

  it('keeps a byte order mark', () => {
    const { output } = applyTransform(raceTimeout, 'a.ts', '\uFEFF' + listing4);
    expect(output).toBe('\uFEFF' + listing4Fixed);
  });

  it('returns undefined for a file with nothing to change, so it is never reprinted', () => {
    const untouched = '// Promise.race is mentioned, setTimeout too\r\nexport const a = (1);\n';
    expect(applyTransform(raceTimeout, 'a.js', untouched).output).toBeUndefined();
  });

  it('all.ts runs every registered transform and agrees with race-timeout alone', () => {
    expect(registry.map((codemod) => codemod.name)).toContain('race-timeout');
    expect(applyTransform(all, 'a.ts', listing4).output).toBe(listing4Fixed);
  });
});

describe('jscodeshift loads the transforms through @babel/register', () => {
  it('npx jscodeshift -t transforms/all.ts rewrites the file and prints the reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forgotten-sender-'));
    writeFileSync(join(dir, 'listing-4.ts'), listing4);
    writeFileSync(join(dir, 'broken.js'), 'const a = ;\nPromise.race([work, timeout]);\n');
    const root = resolve(__dirname, '..');
    const stdout = execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'), '-t', join(root, 'transforms', 'all.ts'), '--extensions=ts,js', '--run-in-band', dir],
      { encoding: 'utf8' },
    );
    expect(readFileSync(join(dir, 'listing-4.ts'), 'utf8')).toBe(listing4Fixed);
    expect(readFileSync(join(dir, 'broken.js'), 'utf8')).toBe('const a = ;\nPromise.race([work, timeout]);\n');
    expect(stdout).toContain('broken.js:1:11: file does not parse');
  }, 60_000);

  it('accepts --exact=true (recast for every prefiltered file), with the same result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forgotten-sender-'));
    const alreadySafe = readText(resolve(__dirname, '..', 'examples', 'already-safe.ts'));
    writeFileSync(join(dir, 'listing-4.ts'), listing4);
    writeFileSync(join(dir, 'already-safe.ts'), alreadySafe);
    const root = resolve(__dirname, '..');
    const stdout = execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'), '-t', join(root, 'transforms', 'all.ts'), '--extensions=ts', '--run-in-band', '--exact=true', dir],
      { encoding: 'utf8' },
    );
    expect(readFileSync(join(dir, 'listing-4.ts'), 'utf8')).toBe(listing4Fixed);
    expect(readFileSync(join(dir, 'already-safe.ts'), 'utf8')).toBe(alreadySafe);
    expect(stdout).toContain('already-safe.ts:5:18: Promise.race timeout');
  }, 60_000);
});

// The cheap parse may only drop files where nothing would happen: every fixture and example, input
// and output, through each transform alone and through all.ts, gives the same text and the same
// report lines with it as with `exact` (recast for every file the text prefilter keeps).
describe('the cheap parse before recast changes no result', () => {
  const files = listFixtureTransforms().flatMap((name) =>
    listFixtureCases(name).flatMap((fixture) => [fixture.inputPath, ...(fixture.outputPath ? [fixture.outputPath] : [])].map((file) => ({ name, file }))),
  );
  const examples = ['listing-4.ts', 'fetch-with-timeout.js', 'sleep-sentinel.mjs', 'already-safe.ts'].map((file) => ({ name: 'all', file: resolve(__dirname, '..', 'examples', file) }));
  it.each([...files, ...examples])('$name: $file', async ({ name, file }) => {
    const source = readText(file);
    const transforms = name === 'all' ? [all] : [all, (await import(`../transforms/${name}`)).default];
    for (const transform of transforms) {
      expect(applyTransform(transform, file, source)).toEqual(applyTransform(transform, file, source, { exact: true }));
    }
  });
});

