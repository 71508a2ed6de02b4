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
// about half a parse: six transforms made a dozen walks of every file. Here one plain walk over the
// tree's objects, field by field in ast-types' order (the order root.find's PathVisitor takes),
// records each node with where it hangs (parent node, key, index). A type's nodes are picked from
// that list when first asked for, and only their NodePaths are made, from the root's own cached paths
// (`parent.get(key, index)`), so scopes and parents are the ones root.find gives. A node hanging
// straight from root path k has the parent -1 - k.
export function indexNodes(j: JSCodeshift, root: Collection<unknown>): FindNodes {
  const rootPaths = root.paths();
  const nodes: any[] = [];
  const parents: number[] = [];
  const keys: string[] = [];
  const indexes: number[] = [];
  const fieldsOfType = new Map<string, readonly string[]>();
  const fieldsOf = (node: any): readonly string[] => {
    let fields = fieldsOfType.get(node.type);
    if (fields === undefined) {
      // a node type ast-types does not know: PathVisitor would stop there; its own keys will do
      fields = j.types.namedTypes[node.type as keyof typeof j.types.namedTypes] ? j.types.getFieldNames(node) : Object.keys(node);
      fieldsOfType.set(node.type, fields);
    }
    return fields;
  };
  // explicit stack: a deep expression must not overflow the call stack
  const stack: Array<{ value: any; parent: number; key: string; index: number }> = [];
  const pushChildren = (node: any, at: number) => {
    const fields = fieldsOf(node);
    for (let k = fields.length - 1; k >= 0; k--) {
      const key = fields[k];
      if (key === 'loc' || key === 'comments') continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const item = value[i];
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push({ value: item, parent: at, key, index: i });
        }
      } else if (typeof value.type === 'string') {
        stack.push({ value, parent: at, key, index: -1 });
      }
    }
  };
  // roots pushed last first, so that the first root's nodes come first
  for (let k = rootPaths.length - 1; k >= 0; k--) pushChildren(rootPaths[k].value, -1 - k);
  while (stack.length > 0) {
    const { value, parent, key, index } = stack.pop()!;
    const at = nodes.length;
    nodes.push(value);
    parents.push(parent);
    keys.push(key);
    indexes.push(index);
    pushChildren(value, at);
  }

  const paths: Array<ASTPath<any> | undefined> = [];
  const pathOf = (at: number): ASTPath<any> => {
    const known = paths[at];
    if (known !== undefined) return known;
    const parentPath = parents[at] < 0 ? rootPaths[-1 - parents[at]] : pathOf(parents[at]);
    const path = (indexes[at] === -1 ? parentPath.get(keys[at]) : parentPath.get(keys[at], indexes[at])) as ASTPath<any>;
    paths[at] = path;
    return path;
  };
  const byType = new Map<string, number[]>();
  return <T>(type: NamedType<T>, filter?: unknown): Collection<T> => {
    const key = String(type);
    let ofType = byType.get(key);
    if (ofType === undefined) {
      ofType = [];
      for (let at = 0; at < nodes.length; at++) if (type.check(nodes[at])) ofType.push(at);
      byType.set(key, ofType);
    }
    const selected = filter === undefined ? ofType : ofType.filter((at) => matchNode(nodes[at], filter));
    return fromPaths(selected.map(pathOf) as ASTPath<T>[], root, type);
  };
}

