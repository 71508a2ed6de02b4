// New names never collide. A name given out for a function (or the program) is free when nothing
// inside that function spells it (no inner reference can be captured), no binding visible there has
// it (nothing outer is shadowed), and no name given out in an enclosing or enclosed function has
// it: two sibling functions may both get `timerHandle`, nested ones get `timerHandle2`.
import { firstIndexAtOrAfter } from '../analysis/tree';
import type { Facts } from '../model/facts';

export class Names {
  /** per name given out, the owners it was given in: sorted by start, as a set, and any without a start */
  private readonly given = new Map<string, { sorted: any[]; all: Set<any>; unplaced: any[] }>();
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
    if (this.givenNests(name, owner)) return false;
    return this.facts.scopes.lookupFrom(this.facts.resolver.scopeAt(owner.body ?? owner), name) === undefined;
  }

  /** `base`, or `base2`, `base3`…: free in `owner`, the function (or program) that will declare it */
  allocate(base: string, owner: any): string {
    let name = base;
    for (let index = 2; !this.isFree(name, owner); index += 1) name = `${base}${index}`;
    let owners = this.given.get(name);
    if (owners === undefined) {
      owners = { sorted: [], all: new Set(), unplaced: [] };
      this.given.set(name, owners);
    }
    owners.all.add(owner);
    if (typeof owner.start === 'number') owners.sorted.splice(firstStartingAt(owners.sorted, owner.start), 0, owner);
    else owners.unplaced.push(owner);
    return name;
  }

  // Whether `name` was given in a function that holds `owner` or lies inside it: the ones inside it
  // start within it (a binary search), the ones holding it are its ancestors. A file of 15,000 sites
  // asks this 15,000 times, and a scan of every name given made that quadratic.
  private givenNests(name: string, owner: any): boolean {
    const owners = this.given.get(name);
    if (owners === undefined) return false;
    const nests = (a: any, b: any) => (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
    const { tree } = this.facts;
    if (owners.unplaced.some((given) => nests(given, owner))) return true;
    const { sorted } = owners;
    if (typeof owner.start !== 'number' || (owner !== tree.program && tree.parent(owner) === undefined)) return sorted.some((given) => nests(given, owner));
    for (let at = firstStartingAt(sorted, owner.start); at < sorted.length && sorted[at].start <= owner.end; at += 1) if (nests(sorted[at], owner)) return true;
    for (const ancestor of tree.ancestors(owner)) if (owners.all.has(ancestor) && nests(ancestor, owner)) return true;
    return false;
  }
}

// the index of the first owner that starts at or after `start` (owners sorted by start)
function firstStartingAt(owners: readonly any[], start: number): number {
  return firstIndexAtOrAfter(owners.length, (index) => owners[index].start, start);
}
