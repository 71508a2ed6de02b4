// Where a fix may declare what it introduces (a handle, a controller): before the first statement
// it touches, in the same run of the same function, so that every name is declared before its
// first use (no temporal dead zone) and every evaluation of the site gets its own.
import { type Tree, isFunction, isStatementList } from '../analysis/tree';
import type { Facts } from './facts';

export type Placement =
  /** new statements go right before `statement`; `owner` is the function (or program) declaring them */
  | { kind: 'statement'; statement: any; owner: any }
  /** `x => expression`: the body becomes a block, the declarations go first in it */
  | { kind: 'arrow-body'; arrow: any; owner: any };

export type PlacementProblem = 'no-statement' | 'repeated' | 'other-block';

const REPEATED_SLOTS: Record<string, readonly string[]> = {
  ForStatement: ['test', 'update', 'body'],
  ForInStatement: ['body', 'left'],
  ForOfStatement: ['body', 'left'],
  WhileStatement: ['test', 'body'],
  DoWhileStatement: ['test', 'body'],
};

// The statement holding `node` in a statement list, crossing statement slots that run at most once
// per run of their statement (an `if` branch, a `for` init); undefined past a loop's body or test.
function placingStatement(tree: Tree, node: any): any | 'repeated' | undefined {
  let current = node;
  for (;;) {
    const slot = tree.slot(current);
    if (!slot) return undefined;
    // a `let` in a `case` is shared by every case of the switch (eslint's no-case-declarations):
    // the declarations go before the switch itself, which runs its case once
    if (slot.parent.type === 'SwitchCase' && slot.key === 'consequent') {
      current = tree.parent(slot.parent);
      continue;
    }
    if (slot.index !== -1 && (slot.key === 'body' || slot.key === 'consequent') && isStatementList(slot.parent)) return current;
    if (isFunction(slot.parent) || slot.parent.type === 'ClassBody') return undefined;
    if (REPEATED_SLOTS[slot.parent.type]?.includes(slot.key)) return 'repeated';
    current = slot.parent;
  }
}

// `anchor` is the site; `earlier` are statements of the same function the fix also touches and that
// run before it (a `const timeout = new Promise(…)` the race names): declarations go before the
// earliest, which must hold or precede the others in an enclosing list.
export function placementFor(facts: Facts, anchor: any, earlier: readonly any[] = []): Placement | PlacementProblem {
  const { tree } = facts;
  const statement = placingStatement(tree, anchor);
  if (statement === 'repeated') return 'repeated';
  if (statement === undefined) {
    // `(x) => Promise.race(…)`: the arrow's expression body, with nothing between
    for (let current = anchor; ; ) {
      const parent = tree.parent(current);
      if (!parent) return 'no-statement';
      if (parent.type === 'ArrowFunctionExpression' && parent.body === current) return earlier.length === 0 ? { kind: 'arrow-body', arrow: parent, owner: parent } : 'other-block';
      if (isFunction(parent) || parent.type === 'ClassBody' || parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty' || parent.type === 'AssignmentPattern') return 'no-statement';
      current = parent;
    }
  }
  let chosen = statement;
  for (const other of earlier) {
    if (other === undefined) return 'no-statement';
    const place = tree.listOf(other);
    if (!place) return 'other-block';
    const holderOfChosen = place.list.find((candidate: any) => tree.isInside(chosen, candidate));
    if (holderOfChosen !== undefined) {
      // `other` sits in a list that holds `chosen` (or an ancestor of it): before it, it becomes the
      // place; after `chosen` itself in the same list, declarations before `chosen` reach it too
      if (place.list.indexOf(other) <= place.list.indexOf(holderOfChosen)) chosen = other;
      else if (holderOfChosen !== chosen) return 'other-block';
      continue;
    }
    // `other` lies deeper, in a statement that follows `chosen` in its list
    const own = tree.listOf(chosen);
    const holderOfOther = own?.list.find((candidate: any) => tree.isInside(other, candidate));
    if (holderOfOther === undefined || own!.list.indexOf(holderOfOther) < own!.list.indexOf(chosen)) return 'other-block';
  }
  return { kind: 'statement', statement: chosen, owner: tree.functionOf(chosen) };
}
