import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

type NamedType<T> = { check(value: unknown): value is T; toString(): string };

/** `root.find(type, filter)`, answered from one walk of the file */
export type FindNodes = <T>(type: NamedType<T>, filter?: unknown) => Collection<T>;

// jscodeshift's own pieces, so that a found collection is exactly the one root.find would build.
const matchNode = require('jscodeshift/src/matchNode') as (node: unknown, filter: unknown) => boolean;
const { fromPaths } = require('jscodeshift/src/Collection') as {
  fromPaths<T>(paths: ASTPath<T>[], parent: Collection<unknown>, type: unknown): Collection<T>;
};

// Every transform begins with a few `root.find(j.CallExpression)`-like walks, and a NodePath walk costs
// about half a parse: six transforms made a dozen walks of every file. One walk records every node
// path in the order root.find visits them; each type's paths are then filtered out of that list once.
// The paths are the root's own cached NodePaths, so scopes and parents are the ones root.find gives.
export function indexNodes(j: JSCodeshift, root: Collection<unknown>): FindNodes {
  const all: ASTPath<any>[] = [];
  for (const rootPath of root.paths()) {
    j.types.visit(rootPath as any, {
      visitNode(path: ASTPath<any>) {
        if (path !== rootPath) all.push(path);
        this.traverse(path);
      },
    });
  }
  const byType = new Map<string, ASTPath<any>[]>();
  return <T>(type: NamedType<T>, filter?: unknown): Collection<T> => {
    const key = String(type);
    let ofType = byType.get(key);
    if (ofType === undefined) {
      ofType = all.filter((path) => type.check(path.value));
      byType.set(key, ofType);
    }
    const paths = filter === undefined ? ofType.slice() : ofType.filter((path) => matchNode(path.value, filter));
    return fromPaths(paths as ASTPath<T>[], root, type);
  };
}
