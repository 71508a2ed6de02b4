import { describe, expect, it } from 'vitest';
import { Scopes } from '../../transforms/analysis/scope';
import { Tree } from '../../transforms/analysis/tree';
import { parseSource } from '../../transforms/engine/parse';

function analyse(source: string, path = 'file.ts') {
  const file = parseSource(path, source);
  const tree = new Tree(file);
  const scopes = new Scopes(file);
  const identifiers = tree.ofType('Identifier');
  // nth < 0 counts from the last
  const at = (name: string, nth = 0) => identifiers.filter((node) => node.name === name).at(nth);
  return { tree, scopes, at };
}

describe('Scopes', () => {
  it('resolves a module-level import from inside a nested function', () => {
    const { scopes, at } = analyse("import { setTimeout } from './fake-timers';\nfunction f() { const g = () => setTimeout(() => {}, 1); }\n");
    const binding = scopes.bindingOf(at('setTimeout', 1));
    expect(binding?.kind).toBe('import');
    expect(binding?.imported).toEqual({ source: './fake-timers', imported: 'setTimeout' });
  });

  it('sees a global where only an inner block shadows the name', () => {
    const { scopes, at } = analyse('function f() { { const setTimeout = 1; } setTimeout(g, 1); }');
    expect(scopes.isGlobalReference(at('setTimeout', 1))).toBe(true);
  });

  it('hoists var and function declarations to the function', () => {
    const { scopes, at } = analyse('function f() { g(); if (x) { var t = 1; } t; function g() {} }');
    expect(scopes.bindingOf(at('t', 1))?.kind).toBe('var');
    expect(scopes.bindingOf(at('g', 0))?.kind).toBe('function');
  });

  it('reads no values in type positions, except typeof', () => {
    const { scopes, at } = analyse('let h: ReturnType<typeof setTimeout> | undefined; type setTimeout = number; interface Promise {}\nPromise.race([]);');
    expect(scopes.isGlobalReference(at('setTimeout', 0))).toBe(true);
    expect(scopes.isGlobalReference(at('Promise', 1))).toBe(true);
    expect(scopes.isReference(at('ReturnType'))).toBe(false);
  });

  it('does not count property names, keys and labels', () => {
    const { scopes, at } = analyse('const o = { fetch: 1, a }; o.fetch; label: for (;;) break label;', 'file.js');
    expect(scopes.isReference(at('fetch', 0))).toBe(false);
    expect(scopes.isReference(at('fetch', 1))).toBe(false);
    expect(scopes.isReference(at('label', 0))).toBe(false);
    // the shorthand's value reads `a`
    expect(scopes.isGlobalReference(at('a', 1))).toBe(true);
  });

  it('records writes and their bindings', () => {
    const { scopes, at } = analyse('let t; t = setTimeout(f, 1); [t] = []; t++; clearTimeout(t);', 'file.js');
    const binding = scopes.bindingOf(at('t', 0))!;
    expect(binding.references.map((reference) => reference.write)).toEqual([true, true, true, false]);
  });

  it('declares destructured requires, parameters, catch clauses and classes', () => {
    const { scopes, at } = analyse("const { setTimeout: sleep } = require('node:timers/promises');\nclass A { m(x = sleep) { try {} catch (e) { e; } } }\nnew A();", 'file.js');
    expect(scopes.bindingOf(at('sleep', 1))?.kind).toBe('const');
    expect(scopes.bindingOf(at('e', 1))?.kind).toBe('catch');
    expect(scopes.bindingOf(at('A', 1))?.kind).toBe('class');
    expect(scopes.bindingOf(at('x'))?.kind).toBe('param');
  });

  it('skips type-only imports', () => {
    const { scopes, at } = analyse("import type { Promise } from 'x';\nimport { type fetch, once } from 'y';\nPromise.race([]); fetch(); once();");
    expect(scopes.isGlobalReference(at('Promise', -1))).toBe(true);
    expect(scopes.isGlobalReference(at('fetch', -1))).toBe(true);
    expect(scopes.bindingOf(at('once', -1))?.kind).toBe('import');
  });

  it('parses a sloppy-mode script that is no module', () => {
    expect(() => analyse('with (o) { x = 010; }', 'legacy.js')).not.toThrow();
  });
});
