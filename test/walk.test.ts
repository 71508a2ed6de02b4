// ctx.find (transforms/lib/walk.ts) must answer exactly what root.find would: the same NodePath
// objects in the same order, on recast's tree and on a plain @babel/parser tree alike.
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { cheapParse } from '../transforms/lib/candidates';
import { chooseParser } from '../transforms/lib/parser';
import { indexNodes } from '../transforms/lib/walk';
import { registry } from '../transforms/registry';
import { listFixtureCases, listFixtureTransforms, readText } from './harness';

const TYPES = ['CallExpression', 'NewExpression', 'Identifier', 'JSXIdentifier', 'Literal', 'StringLiteral', 'MemberExpression', 'ImportDeclaration', 'VariableDeclarator', 'Function', 'Statement'] as const;

const files = listFixtureTransforms().flatMap((name) => listFixtureCases(name).flatMap((fixture) => [fixture.inputPath, ...(fixture.outputPath ? [fixture.outputPath] : [])]));

describe('indexNodes answers as root.find does', () => {
  it.each(files)('%s', (file) => {
    const source = readText(file);
    const j = jscodeshift.withParser(chooseParser(file, source));
    const plain = cheapParse(registry, file, source).ast;
    const trees = [j(source), ...(plain === undefined ? [] : [j(plain as any)])];
    for (const root of trees) {
      const find = indexNodes(j, root);
      for (const type of TYPES) {
        const namedType = (j as any)[type];
        expect(find(namedType).paths(), type).toEqual(root.find(namedType).paths());
        for (const [path, expected] of find(namedType).paths().map((p, i) => [p, root.find(namedType).paths()[i]])) expect(path).toBe(expected);
      }
      expect(find(j.Identifier, { name: 'setTimeout' }).paths()).toEqual(root.find(j.Identifier, { name: 'setTimeout' }).paths());
    }
  });

  it('answers for a collection of several roots, root by root', () => {
    const functions = jscodeshift('function a() { f(1); g(h()); }\nfunction b() { new K(k()); }\n').find(jscodeshift.FunctionDeclaration);
    const find = indexNodes(jscodeshift, functions as any);
    for (const type of [jscodeshift.CallExpression, jscodeshift.NewExpression, jscodeshift.Identifier]) {
      const expected = functions.find(type as any).paths();
      const found = find(type as any).paths();
      expect(found).toHaveLength(expected.length);
      found.forEach((path, index) => expect(path).toBe(expected[index]));
    }
  });

  it('finds the nodes a transform made, in order', () => {
    const root = jscodeshift('f(1);\n');
    root.find(jscodeshift.ExpressionStatement).insertAfter(jscodeshift.expressionStatement(jscodeshift.callExpression(jscodeshift.identifier('g'), [])));
    const calls = indexNodes(jscodeshift, root)(jscodeshift.CallExpression).paths();
    expect(calls.map((path) => (path.node.callee as any).name)).toEqual(['f', 'g']);
    expect(calls).toEqual(root.find(jscodeshift.CallExpression).paths());
  });
});
