import type { ASTPath, JSCodeshift } from 'jscodeshift';

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

export function isFunctionNode(node: { type: string }): boolean {
  return FUNCTION_TYPES.has(node.type);
}

// The innermost function (or the program) whose body holds `path`.
export function findEnclosingFunction(path: ASTPath<any>): ASTPath<any> {
  let current: ASTPath<any> | null = path.parent;
  while (current && !isFunctionNode(current.node) && current.node.type !== 'Program') current = current.parent;
  return current ?? path;
}

export type InsertionPoint =
  | { kind: 'statement'; statement: ASTPath<any> }
  // `x => expr`: the body becomes `{ ...; return expr; }`
  | { kind: 'arrow-body'; arrow: ASTPath<any> };

const STATEMENT_SLOTS: Record<string, readonly string[]> = {
  IfStatement: ['consequent', 'alternate'],
  ForStatement: ['body'],
  ForInStatement: ['body'],
  ForOfStatement: ['body'],
  WhileStatement: ['body'],
  DoWhileStatement: ['body'],
  LabeledStatement: ['body'],
  WithStatement: ['body'],
};

// A statement in a statement list, or in a slot that takes one (`if (x) <here>`), where another
// statement can go before it. Not the `let` of a `for (let ...;;)` head.
function isPlaceableStatement(path: ASTPath<any>): boolean {
  if (!/Statement$|Declaration$/.test(path.node.type) || path.node.type === 'TSModuleDeclaration') return false;
  if (Array.isArray(path.parentPath?.value)) {
    const holder = path.parent?.node.type;
    return holder === 'BlockStatement' || holder === 'Program' || holder === 'SwitchCase' || holder === 'StaticBlock';
  }
  return STATEMENT_SLOTS[path.parent?.node.type ?? '']?.includes(String(path.name)) ?? false;
}

// Where statements that must run just before the expression at `path` can go, without leaving the
// function that evaluates it. Null for expressions that no statement encloses (class fields, defaults).
export function findInsertionPoint(path: ASTPath<any>): InsertionPoint | null {
  let child: ASTPath<any> = path;
  let current: ASTPath<any> | null = path.parent;
  while (current) {
    const node = current.node;
    if (node.type === 'ArrowFunctionExpression' && node.body === child.node) return { kind: 'arrow-body', arrow: current };
    if (isFunctionNode(node) || node.type === 'ClassProperty' || node.type === 'PropertyDefinition' || node.type === 'ClassBody') return null;
    if (isPlaceableStatement(current)) return { kind: 'statement', statement: current };
    child = current;
    current = current.parent;
  }
  return null;
}

// Inserts `statements` right before the insertion point. A statement that is not in a list (the body
// of an `if` without braces) is wrapped in a block so the new declarations stay scoped to it.
export function insertBefore(j: JSCodeshift, point: InsertionPoint, statements: any[]): void {
  if (point.kind === 'arrow-body') {
    const arrow = point.arrow.node;
    arrow.body = j.blockStatement([...statements, j.returnStatement(arrow.body)]);
    return;
  }
  const statement = point.statement;
  // A file's header comment stays the first thing in the file; a comment on any other statement
  // stays next to the statement it describes.
  const comments: any[] = statement.node.comments ?? [];
  const leading = comments.filter((comment) => comment.leading);
  const isFirstInFile = statement.parent?.node.type === 'Program' && statement.parentPath.value[0] === statement.node;
  if (isFirstInFile && leading.length > 0 && statements.length > 0) {
    statements[0].comments = [...(statements[0].comments ?? []), ...leading];
    statement.node.comments = comments.filter((comment) => !comment.leading);
  }
  if (Array.isArray(statement.parentPath?.value)) {
    for (const inserted of statements) statement.insertBefore(inserted);
    return;
  }
  statement.replace(j.blockStatement([...statements, statement.node]));
}
