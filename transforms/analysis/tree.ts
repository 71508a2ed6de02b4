// One walk of a file's tree: each node's parent and the field it hangs from, every node by type. The
// model and the rules ask their structural questions here ("what holds this call?", "which function
// runs this statement?") instead of walking sub-trees of their own.
const SKIPPED = new Set(['loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'errors']);

export const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'TSDeclareMethod',
  'TSDeclareFunction',
]);

export function isFunction(node: any): boolean {
  return node != null && FUNCTION_TYPES.has(node.type);
}

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** a loop statement: its body may run again */
export function isLoop(node: any): boolean {
  return node != null && LOOP_TYPES.has(node.type);
}

export interface Slot {
  parent: any;
  key: string;
  /** the index in the parent's array field, or -1 */
  index: number;
}

export class Tree {
  readonly program: any;
  private readonly slots = new Map<any, Slot>();
  private readonly byType = new Map<string, any[]>();

  constructor(readonly file: any) {
    this.program = file.type === 'File' ? file.program : file;
    // explicit stack: a deeply nested expression must not overflow the call stack
    const stack: Array<[any, Slot | undefined]> = [[this.program, undefined]];
    while (stack.length > 0) {
      const [node, slot] = stack.pop()!;
      if (slot) this.slots.set(node, slot);
      let list = this.byType.get(node.type);
      if (list === undefined) {
        list = [];
        this.byType.set(node.type, list);
      }
      list.push(node);
      const keys = Object.keys(node);
      for (let k = keys.length - 1; k >= 0; k -= 1) {
        const key = keys[k];
        if (SKIPPED.has(key)) continue;
        const value = node[key];
        if (value === null || typeof value !== 'object') continue;
        if (Array.isArray(value)) {
          for (let index = value.length - 1; index >= 0; index -= 1) {
            const item = value[index];
            if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push([item, { parent: node, key, index }]);
          }
        } else if (typeof value.type === 'string') {
          stack.push([value, { parent: node, key, index: -1 }]);
        }
      }
    }
  }

  /** every node of a type, in source order */
  ofType(type: string): readonly any[] {
    return this.byType.get(type) ?? [];
  }

  slot(node: any): Slot | undefined {
    return this.slots.get(node);
  }

  parent(node: any): any | undefined {
    return this.slots.get(node)?.parent;
  }

  /** `node`'s ancestors, nearest first */
  *ancestors(node: any): Generator<any> {
    for (let current = this.parent(node); current !== undefined; current = this.parent(current)) yield current;
  }

  /** whether `node` is `ancestor` or lies inside it */
  isInside(node: any, ancestor: any): boolean {
    if (node === ancestor) return true;
    if (typeof node?.start === 'number' && typeof ancestor?.start === 'number' && (node.start < ancestor.start || node.end > ancestor.end)) return false;
    for (const current of this.ancestors(node)) if (current === ancestor) return true;
    return false;
  }

  /** whether a loop stands around `node` inside `stop` (`stop` itself and what is outside it not counted) */
  loopBetween(node: any, stop: any): boolean {
    for (const ancestor of this.ancestors(node)) {
      if (ancestor === stop) return false;
      if (isLoop(ancestor)) return true;
    }
    return false;
  }

  /** the innermost function holding `node` (not `node` itself), or the program */
  functionOf(node: any): any {
    for (const current of this.ancestors(node)) if (isFunction(current)) return current;
    return this.program;
  }

  /**
   * The nearest ancestor (or `node`) that is a statement in a list (a block, the program, a switch
   * case) and runs each time `node` is evaluated: undefined past a function boundary (an arrow's
   * expression body, a parameter default) or a class member (a field initialiser).
   */
  statementOf(node: any): any | undefined {
    let current = node;
    for (;;) {
      const slot = this.slots.get(current);
      if (slot === undefined) return undefined;
      if (slot.index !== -1 && (slot.key === 'body' || slot.key === 'consequent') && isStatementList(slot.parent)) return current;
      if (isFunction(slot.parent) || slot.parent.type === 'ClassBody') return undefined;
      current = slot.parent;
    }
  }

  /** the statement list holding `statement` and its index there */
  listOf(statement: any): { list: any[]; index: number; holder: any } | undefined {
    const slot = this.slots.get(statement);
    if (!slot || slot.index === -1 || !isStatementList(slot.parent)) return undefined;
    return { list: slot.parent[slot.key], index: slot.index, holder: slot.parent };
  }

  /** the nodes of a type inside `within` (its own node included), in source order */
  within(within: any, type: string): any[] {
    const all = this.ofType(type);
    if (typeof within?.start !== 'number') return all.filter((node) => this.isInside(node, within));
    // Only the nodes that start inside `within` can lie in it: found by binary search, so that asking
    // once per site stays linear in the sites, not in the file (a 2 MB file of races took minutes).
    const { starts, order } = this.startIndex(type);
    const found: number[] = [];
    for (let at = firstAtOrAfter(starts, within.start); at < starts.length && starts[at] <= within.end; at += 1) {
      const node = all[order[at]];
      if (node.end <= within.end && this.isInside(node, within)) found.push(order[at]);
    }
    // back in the order of ofType(), as the filter over it gave them
    return found.sort((a, b) => a - b).map((index) => all[index]);
  }

  /** the nodes of a type that overlap the offsets [start, end), in source order (nodes without a place left out) */
  overlapping(type: string, start: number, end: number): any[] {
    const all = this.ofType(type);
    const { starts, order, maxEnd } = this.startIndex(type);
    const first = firstAtOrAfter(starts, start);
    const found: number[] = [];
    for (let at = first; at < starts.length && starts[at] < end; at += 1) if (all[order[at]].end > start) found.push(order[at]);
    // the ones that start before `start` and reach past it: none once every earlier one ends before it
    for (let at = first - 1; at >= 0 && maxEnd[at] > start; at -= 1) if (all[order[at]].end > start) found.push(order[at]);
    return found.sort((a, b) => a - b).map((index) => all[index]);
  }

  private readonly startIndexes = new Map<string, { starts: number[]; order: number[]; maxEnd: number[] }>();

  // the positions in ofType(type) of its nodes that have a start, sorted by start, with the largest
  // end among each one and those before it
  private startIndex(type: string): { starts: number[]; order: number[]; maxEnd: number[] } {
    let index = this.startIndexes.get(type);
    if (index === undefined) {
      const all = this.ofType(type);
      const order: number[] = [];
      for (let at = 0; at < all.length; at += 1) if (typeof all[at].start === 'number') order.push(at);
      order.sort((a, b) => all[a].start - all[b].start || a - b);
      const maxEnd: number[] = [];
      for (let at = 0; at < order.length; at += 1) maxEnd.push(Math.max(at > 0 ? maxEnd[at - 1] : Number.NEGATIVE_INFINITY, all[order[at]].end));
      index = { starts: order.map((at) => all[at].start), order, maxEnd };
      this.startIndexes.set(type, index);
    }
    return index;
  }
}

// the index of the first of the sorted `starts` at or after `offset`
function firstAtOrAfter(starts: readonly number[], offset: number): number {
  return firstIndexAtOrAfter(starts.length, (index) => starts[index], offset);
}

/** the first index of a list sorted by `key` whose key is at or after `offset` (a binary search) */
export function firstIndexAtOrAfter(length: number, key: (index: number) => number, offset: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(middle) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NOT_CHILDREN = new Set(['loc', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments']);

/**
 * Every node under `root` (and `root`), depth first, with an explicit stack (a deeply nested
 * expression must not overflow the call stack). `enter` returning false skips the node's children.
 */
export function walkNodes(root: any, enter: (node: any) => boolean | void): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node.type !== 'string') continue;
    if (enter(node) === false) continue;
    for (const key in node) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = node[key];
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

export function isStatementList(node: any): boolean {
  return node?.type === 'BlockStatement' || node?.type === 'Program' || node?.type === 'SwitchCase' || node?.type === 'StaticBlock' || node?.type === 'TSModuleBlock';
}

// `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`: the expression itself.
export function unwrap(node: any): any {
  let current = node;
  while (
    current &&
    (current.type === 'ParenthesizedExpression' ||
      current.type === 'TSAsExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'TypeCastExpression' ||
      current.type === 'TSInstantiationExpression')
  ) {
    current = current.expression;
  }
  return current;
}

const WRAPPER_TYPES = new Set(['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TypeCastExpression']);

/** the outermost wrapper of `node` (parentheses, casts), or `node` */
export function outermost(tree: Tree, node: any): any {
  let current = node;
  for (;;) {
    const parent = tree.parent(current);
    if (parent && WRAPPER_TYPES.has(parent.type) && parent.expression === current) current = parent;
    else return current;
  }
}
