// TypeScript fixtures, inputs and outputs, type-check under `strict`, with @types/node and with
// lib DOM alone (fixtures that need Node — `.unref()`, `node:` imports — are checked with Node only;
// those that say they type-check under lib DOM only, as a browser library's helper may, with DOM only).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FIXTURES_ROOT, listFixtureTransforms, readText } from './harness';

function tsFixtures(): string[] {
  return listFixtureTransforms().flatMap((transform) =>
    readdirSync(join(FIXTURES_ROOT, transform))
      .filter((file) => /\.(?:input|output)\.tsx?$/.test(file))
      .map((file) => join(FIXTURES_ROOT, transform, file)),
  );
}

const NODE_ONLY = /\.unref\(\)|from ['"](?:node:)?(?:timers|events|stream)|require\(|\bNodeJS\./;
const DOM_ONLY = /type-checks under lib DOM only/;

function diagnostics(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
    skipLibCheck: true,
    isolatedModules: true,
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.replace(FIXTURES_ROOT + '/', '')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('TypeScript fixtures type-check under strict', () => {
  const files = tsFixtures();
  it('with @types/node', () => {
    expect(diagnostics(files.filter((file) => !DOM_ONLY.test(readText(file))), { lib: ['lib.es2022.d.ts'], types: ['node'], typeRoots: [join(__dirname, '..', 'node_modules', '@types')] })).toEqual([]);
  });
  it('with lib DOM and no Node types', () => {
    const portable = files.filter((file) => !NODE_ONLY.test(readText(file)));
    expect(diagnostics(portable, { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] })).toEqual([]);
  });
});
