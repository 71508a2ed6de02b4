import type { Collection, JSCodeshift } from 'jscodeshift';

// New names never collide: a name is free only when no identifier anywhere in the file spells it,
// so it can neither shadow an outer binding nor be captured by an inner one.
export function createNameAllocator(j: JSCodeshift, root: Collection<unknown>): (base: string) => string {
  const taken = new Set<string>();
  root.find(j.Identifier).forEach((path) => {
    taken.add(path.node.name);
  });
  root.find(j.JSXIdentifier).forEach((path) => {
    taken.add(path.node.name);
  });
  return (base) => {
    let name = base;
    for (let index = 2; taken.has(name); index += 1) name = `${base}${index}`;
    taken.add(name);
    return name;
  };
}
