// Tree.within and Tree.overlapping answer from an index sorted by offset (a file of 15,000 races
// asked each of them once per site, and a scan of the whole file each time took minutes). Here they
// are checked against the plain filters they replace, over every fixture input and example; and
// Names, which keeps the names it gave by place for the same reason, against its rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tree } from '../../transforms/analysis/tree';
import { Names } from '../../transforms/engine/names';
import { Facts } from '../../transforms/model/facts';
import { parseSource } from '../../transforms/engine/parse';

const ROOT = path.resolve(__dirname, '..', '..');

function inputs(): string[] {
  const files: string[] = [];
  for (const dir of fs.readdirSync(path.join(ROOT, '__testfixtures__'))) {
    for (const file of fs.readdirSync(path.join(ROOT, '__testfixtures__', dir))) if (/\.input\.[cm]?[jt]sx?$/.test(file)) files.push(path.join('__testfixtures__', dir, file));
  }
  for (const file of fs.readdirSync(path.join(ROOT, 'examples'))) if (/\.[cm]?[jt]sx?$/.test(file)) files.push(path.join('examples', file));
  return files.sort();
}

const TYPES = ['Identifier', 'MemberExpression', 'CallExpression', 'StringLiteral', 'TemplateLiteral'];

describe('Tree', () => {
  it('within(node, type) gives what a filter of ofType(type) gives, in the same order, for every node of every fixture', () => {
    let compared = 0;
    for (const file of inputs()) {
      const tree = new Tree(parseSource(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
      const holders = [tree.program, ...tree.ofType('CallExpression'), ...tree.ofType('ArrowFunctionExpression'), ...tree.ofType('FunctionDeclaration'), ...tree.ofType('BlockStatement')];
      for (const holder of holders) {
        for (const type of TYPES) {
          const expected = tree.ofType(type).filter((node) => typeof node.start === 'number' && node.start >= holder.start && node.end <= holder.end && tree.isInside(node, holder));
          expect(tree.within(holder, type), `${file}: ${type} within ${holder.type} at ${holder.start}`).toEqual(expected);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('overlapping(type, start, end) gives the nodes that overlap the range, nested template literals included', () => {
    const source = 'const a = `x ${`inner ${"s"}`} y`;\nconst b = "two";\nconst c = `three\n${b}`;\n';
    const tree = new Tree(parseSource('a.ts', source));
    for (const type of ['TemplateLiteral', 'StringLiteral']) {
      for (let start = 0; start <= source.length; start += 1) {
        for (let end = start; end <= source.length; end += 1) {
          const expected = tree.ofType(type).filter((node) => node.start < end && node.end > start);
          expect(tree.overlapping(type, start, end), `${type} [${start}, ${end})`).toEqual(expected);
        }
      }
    }
  });
});

describe('Names', () => {
  it('siblings share a name, nested functions and the program get their own, in any order of asking', () => {
    const source = 'function outer() {\n  const a = () => {};\n  const b = () => () => {};\n}\nconst c = () => {};\nconst timer = 1;\n';
    const facts = new Facts('a.js', source, parseSource('a.js', source));
    const [outer] = facts.tree.ofType('FunctionDeclaration');
    const [a, b, inner, c] = facts.tree.ofType('ArrowFunctionExpression');
    const names = new Names(facts);
    expect(names.allocate('handle', inner)).toBe('handle');
    expect(names.allocate('handle', a)).toBe('handle');
    // b holds inner, outer holds both, the program holds everything
    expect(names.allocate('handle', b)).toBe('handle2');
    expect(names.allocate('handle', outer)).toBe('handle3');
    expect(names.allocate('handle', c)).toBe('handle');
    expect(names.allocate('handle', facts.tree.program)).toBe('handle4');
    // a name spelled in the function, or bound where it is visible, is never given
    expect(names.allocate('timer', c)).toBe('timer2');
    expect(names.allocate('outer', a)).toBe('outer2');
  });
});
