// New names never collide. A name given out for a function (or the program) is free when nothing
// inside that function spells it (no inner reference can be captured), no binding visible there has
// it (nothing outer is shadowed), and no name given out in an enclosing or enclosed function has
// it: two sibling functions may both get `timerHandle`, nested ones get `timerHandle2`.
import type { Facts } from '../model/facts';

export class Names {
  private readonly given: Array<{ name: string; owner: any }> = [];
  private spelled: Map<any, Set<string>> = new Map();

  constructor(private readonly facts: Facts) {}

  private spelledIn(owner: any): Set<string> {
    let names = this.spelled.get(owner);
    if (names === undefined) {
      names = new Set();
      for (const type of ['Identifier', 'JSXIdentifier']) for (const node of this.facts.tree.within(owner, type)) names.add(node.name);
      this.spelled.set(owner, names);
    }
    return names;
  }

  private isFree(name: string, owner: any): boolean {
    if (this.spelledIn(owner).has(name)) return false;
    const nests = (a: any, b: any) => (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
    if (this.given.some((given) => given.name === name && nests(given.owner, owner))) return false;
    return this.facts.scopes.lookupFrom(this.facts.resolver.scopeAt(owner.body ?? owner), name) === undefined;
  }

  /** `base`, or `base2`, `base3`…: free in `owner`, the function (or program) that will declare it */
  allocate(base: string, owner: any): string {
    let name = base;
    for (let index = 2; !this.isFree(name, owner); index += 1) name = `${base}${index}`;
    this.given.push({ name, owner });
    return name;
  }
}
