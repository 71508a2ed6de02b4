import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from './codemod';

type Allocate = (base: string, declaredIn?: ASTPath<any>) => string;

// New names never collide. Without `declaredIn`, a name is free only when no identifier anywhere in
// the file spells it. With `declaredIn` (the function or program that will declare it), a name is
// free when nothing inside that function spells it (so no inner reference can be captured), no
// binding visible there has it (so nothing outer is shadowed), and no name we gave out in an
// enclosing or enclosed function has it: two sibling functions may both get `timerHandle`.
// Make it before the transform's first rewrite: it reads the file's names through ctx.find.
export function createNameAllocator(ctx: Pick<CodemodContext, 'j' | 'find'>): Allocate {
  const { j } = ctx;
  const fileNames = new Set<string>();
  ctx.find(j.Identifier).forEach((path) => {
    fileNames.add(path.node.name);
  });
  ctx.find(j.JSXIdentifier).forEach((path) => {
    fileNames.add(path.node.name);
  });
  const fileWide = new Set<string>();
  const scoped: Array<{ name: string; owner: any }> = [];

  const nests = (a: any, b: any) =>
    typeof a.start !== 'number' || typeof b.start !== 'number' || (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);

  const isFreeIn = (name: string, declaredIn: ASTPath<any>): boolean => {
    if (fileWide.has(name)) return false;
    if (scoped.some((given) => given.name === name && nests(given.owner, declaredIn.node))) return false;
    if (declaredIn.scope?.lookup(name)) return false;
    return j(declaredIn.node).find(j.Identifier, { name }).length === 0 && j(declaredIn.node).find(j.JSXIdentifier, { name }).length === 0;
  };

  return (base, declaredIn) => {
    const isFree = (name: string) => (declaredIn ? isFreeIn(name, declaredIn) : !fileNames.has(name) && !fileWide.has(name) && !scoped.some((given) => given.name === name));
    let name = base;
    for (let index = 2; !isFree(name); index += 1) name = `${base}${index}`;
    if (declaredIn) scoped.push({ name, owner: declaredIn.node });
    else fileWide.add(name);
    return name;
  };
}
