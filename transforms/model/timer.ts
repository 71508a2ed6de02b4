// A timer as the model sees it: which setTimeout it calls (by binding), what its callback does, how
// its handle is kept, and every other use of that handle, each classified.
import type { Binding } from '../analysis/scope';
import { type Builtin, type Resolver, hasWrites, propertyName } from '../analysis/resolve';
import { type Tree, isFunction, outermost, unwrap } from '../analysis/tree';
import { isEffectFree } from './effects';
import type { Facts } from './facts';

export type Capture =
  /** `setTimeout(...)` whose handle is dropped */
  | { kind: 'none' }
  /** `const h = setTimeout(...)` / `let h = setTimeout(...)` */
  | { kind: 'declared'; binding: Binding; declarator: any; statement: any }
  /** `h = setTimeout(...)` with `h` a local variable */
  | { kind: 'assigned'; binding: Binding; assignment: any }
  /** `this.timer = setTimeout(...)`, `state.timer = …`, `{ timer: setTimeout(…) }`, returned, passed on */
  | { kind: 'stored'; node: any; description: string };

export type UseKind =
  /** `clearTimeout(h)` (or clearInterval, which clears a timeout too) */
  | 'clear'
  /** read in a condition: `if (h)`, `h && …`, `h !== undefined`, `!h` */
  | 'guard'
  /** `h = null`, `h = undefined` */
  | 'reset'
  /** `h = setTimeout(...)` again, or `h.refresh()` */
  | 'rearm'
  /** `h.unref()`, `h.ref()`, `h.hasRef()` */
  | 'unref'
  /** anything else: returned, passed on, stored, compared with another handle */
  | 'escape';

export interface HandleUse {
  node: any;
  kind: UseKind;
  /** the clearTimeout call, for 'clear' */
  call?: any;
}

export interface TimerFact {
  call: any;
  builtin: Builtin;
  /** what evaluates to the handle: the call, or `call.unref()` chained on it */
  expression: any;
  callback: any | undefined;
  delay: any | undefined;
  /** arguments after the delay, handed to the callback */
  extraArguments: any[];
  capture: Capture;
  /** every reference to the handle's binding but the capture itself */
  uses: HandleUse[];
}

const HANDLE_METHODS = new Set(['unref', 'ref', 'hasRef']);

// `setTimeout(...)` of the platform or of node:timers, `window.setTimeout`, `globalThis.setTimeout`,
// `timers.setTimeout`: the builtin it reaches; undefined for any other call.
export function setTimeoutOf(resolver: Resolver, call: any): Builtin | undefined {
  if (call?.type !== 'CallExpression') return undefined;
  const builtin = resolver.builtinOf(call.callee);
  return builtin?.name === 'setTimeout' ? builtin : undefined;
}

/** `clearTimeout(h)` / `clearInterval(h)`: the call's argument, when the callee is the builtin */
export function clearedBy(resolver: Resolver, call: any): any | undefined {
  if (call?.type !== 'CallExpression' || call.arguments.length < 1) return undefined;
  const name = resolver.builtinOf(call.callee)?.name;
  if (name !== 'clearTimeout' && name !== 'clearInterval') return undefined;
  return unwrap(call.arguments[0]);
}

/** the outermost of `call`, `call.unref()`, `safeUnref(call)` (a pass-through, below) and wrappers around them: what the handle is taken from */
export function handleExpressionOf(tree: Tree, call: any, passesThrough: (wrapper: any) => boolean = () => false): any {
  let current = call;
  for (;;) {
    const parent = tree.parent(current);
    if (parent?.type === 'CallExpression' && parent.arguments.length === 1 && parent.arguments[0] === current && passesThrough(parent)) {
      current = parent;
      continue;
    }
    if (parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression' || parent.type === 'TSSatisfiesExpression') && parent.expression === current) {
      current = parent;
      continue;
    }
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === current && HANDLE_METHODS.has(propertyName(parent) ?? '')) {
      const unrefCall = tree.parent(parent);
      if ((unrefCall?.type === 'CallExpression' || unrefCall?.type === 'OptionalCallExpression') && unrefCall.callee === parent && propertyName(parent) !== 'hasRef') {
        current = unrefCall;
        continue;
      }
    }
    return current;
  }
}

export function timerFact(facts: Facts, call: any): TimerFact | undefined {
  const resolver = facts.resolver;
  const builtin = setTimeoutOf(resolver, call);
  if (!builtin) return undefined;
  const expression = handleExpressionOf(facts.tree, call, (wrapper) => isHandlePassThrough(facts, wrapper));
  const [callback, delay, ...extraArguments] = call.arguments;
  const capture = captureOf(facts, expression);
  const uses: HandleUse[] = [];
  if (capture.kind === 'declared' || capture.kind === 'assigned') {
    const captureNode = capture.kind === 'declared' ? capture.declarator.id : capture.assignment.left;
    for (const reference of capture.binding.references) {
      if (reference.node === captureNode) continue;
      uses.push(classifyUse(resolver, reference.node, reference.write));
    }
  }
  return { call, builtin, expression, callback, delay, extraArguments, capture, uses };
}

// `safeUnref(setTimeout(…))`: a function of the repository (this file, or one it imports) that at most
// unrefs the handle it is given and returns that same handle, so what it returns is the timer's
// handle: `function safeUnref(t) { if (typeof t?.unref === 'function') t.unref(); return t; }`. In
// TypeScript its result must be typed as the handle a fix declares (`ReturnType<typeof setTimeout>`),
// or not at all, so that keeping it in that handle type-checks.
export function isHandlePassThrough(facts: Facts, wrapper: any): boolean {
  const callee = unwrap(wrapper.callee);
  if (callee?.type !== 'Identifier') return false;
  const binding = facts.scopes.bindingOf(callee);
  let home = facts;
  let fn: any;
  if (binding?.kind === 'import' && binding.imported && binding.imported.imported !== '*') {
    const exported = facts.modules?.importedFunction(facts.path, binding.imported.source, binding.imported.imported);
    if (!exported) return false;
    home = exported.facts;
    fn = exported.fn;
  } else {
    fn = facts.resolver.localFunctionOf(callee)?.fn;
  }
  if (!isFunction(fn) || fn.async || fn.generator || fn.params.length !== 1 || fn.params[0].type !== 'Identifier' || fn.body?.type !== 'BlockStatement') return false;
  // `export function safeUnref` that its own module reassigns later: not the function it will be
  const declared = fn.type === 'FunctionDeclaration' && fn.id ? home.scopes.bindingOf(fn.id) : undefined;
  if (declared && hasWrites(declared)) return false;
  // `const safeUnref: (timer: any) => unknown = (timer) => …`, or `= ((timer) => …) as F`: the type
  // TypeScript sees is the const's, or the cast's
  const outer = outermost(home.tree, fn);
  const holder = home.tree.parent(outer);
  if (outer !== fn || (holder?.type === 'VariableDeclarator' && holder.id.typeAnnotation)) return false;
  const param = fn.params[0];
  const binding0 = home.scopes.bindingOf(param);
  const isParam = (node: any) => unwrap(node)?.type === 'Identifier' && home.scopes.bindingOf(unwrap(node)) === binding0;
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (!binding0 || last?.type !== 'ReturnStatement' || !isParam(last.argument)) return false;
  // `p.unref()`, `p.unref?.()`, `p?.unref?.()`, `p.unref && p.unref()`: the handle unref'd, nothing else
  const isUnrefCall = (node: any): boolean => {
    const expression = unwrap(node);
    if (expression?.type === 'LogicalExpression' && expression.operator === '&&') return isEffectFreeRead(expression.left) && isUnrefCall(expression.right);
    if (expression?.type !== 'CallExpression' && expression?.type !== 'OptionalCallExpression') return false;
    const member = unwrap(expression.callee);
    return (member?.type === 'MemberExpression' || member?.type === 'OptionalMemberExpression') && isParam(member.object) && (propertyName(member) === 'unref' || propertyName(member) === 'ref') && expression.arguments.length === 0;
  };
  const isEffectFreeRead = (node: any): boolean => {
    const expression = unwrap(node);
    if (expression?.type === 'OptionalMemberExpression') return isEffectFreeRead(expression.object) && !expression.computed;
    return isEffectFree(expression);
  };
  const isUnrefStatement = (statement: any): boolean => {
    if (statement?.type === 'ExpressionStatement') return isUnrefCall(statement.expression);
    if (statement?.type === 'BlockStatement') return statement.body.every(isUnrefStatement);
    if (statement?.type === 'IfStatement') return !statement.alternate && isEffectFreeRead(statement.test) && isUnrefStatement(statement.consequent);
    return false;
  };
  if (!statements.slice(0, -1).every(isUnrefStatement)) return false;
  // what it returns goes into the fix's handle, typed as setTimeout's own result; a JavaScript
  // helper seen from TypeScript is typed by a declaration file this does not read
  if (!facts.typescript) return true;
  if (!home.typescript) return false;
  const typeText = (annotation: any) => (annotation ? home.textOf(annotation.typeAnnotation ?? annotation).replace(/\s+/g, ' ') : undefined);
  const returned = typeText(fn.returnType);
  const given = typeText(param.typeAnnotation);
  const handleType = (text: string | undefined) => text === 'ReturnType<typeof setTimeout>' || text === 'ReturnType<typeof globalThis.setTimeout>';
  return returned !== undefined ? handleType(returned) : given === undefined || handleType(given);
}

function captureOf(facts: Facts, expression: any): Capture {
  const { tree, scopes } = facts;
  const parent = tree.parent(expression);
  if (parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void')) return { kind: 'none' };
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === expression) return { kind: 'none' };
  if (parent?.type === 'SequenceExpression' && parent.expressions.at(-1) !== expression) return { kind: 'none' };
  if (parent?.type === 'VariableDeclarator' && parent.init === expression && parent.id.type === 'Identifier') {
    const binding = scopes.bindingOf(parent.id);
    const statement = tree.parent(parent);
    if (binding) return { kind: 'declared', binding, declarator: parent, statement };
  }
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === expression) {
    const left = unwrap(parent.left);
    if (left?.type === 'Identifier') {
      const binding = scopes.bindingOf(left);
      if (binding) return { kind: 'assigned', binding, assignment: parent };
      return { kind: 'stored', node: parent, description: left.name };
    }
    return { kind: 'stored', node: parent, description: facts.code(left, 60) };
  }
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === expression) {
    const key = parent.computed ? facts.code(parent.key, 30) : (parent.key.name ?? parent.key.value);
    return { kind: 'stored', node: parent, description: `{ ${key} }` };
  }
  if (parent?.type === 'ReturnStatement') return { kind: 'stored', node: parent, description: `return ${facts.code(expression, 30)}` };
  return { kind: 'stored', node: parent ?? expression, description: facts.code(parent ?? expression, 40) };
}

function classifyUse(resolver: Resolver, reference: any, write: boolean): HandleUse {
  const { tree } = resolver;
  let node = reference;
  while (tree.parent(node) && ['TSNonNullExpression', 'TSAsExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression'].includes(tree.parent(node).type)) node = tree.parent(node);
  const parent = tree.parent(node);
  if (write) {
    if (parent?.type === 'AssignmentExpression' && parent.left === node && parent.operator === '=') {
      const value = unwrap(parent.right);
      if (isNullish(value)) return { node: reference, kind: 'reset' };
      if (setTimeoutOf(resolver, value) || setTimeoutOf(resolver, unwrap(value?.callee?.object))) return { node: reference, kind: 'rearm' };
    }
    return { node: reference, kind: 'escape' };
  }
  if (parent?.type === 'CallExpression' && parent.arguments[0] === node && clearedBy(resolver, parent) !== undefined) return { node: reference, kind: 'clear', call: parent };
  if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === node) {
    const method = propertyName(parent);
    if (method && HANDLE_METHODS.has(method)) return { node: reference, kind: 'unref' };
    if (method === 'refresh') return { node: reference, kind: 'rearm' };
    return { node: reference, kind: 'escape' };
  }
  if (isConditionRead(tree, node)) return { node: reference, kind: 'guard' };
  return { node: reference, kind: 'escape' };
}

function isNullish(node: any): boolean {
  return (
    node?.type === 'NullLiteral' ||
    (node?.type === 'Literal' && node.value === null) ||
    (node?.type === 'Identifier' && node.name === 'undefined') ||
    (node?.type === 'UnaryExpression' && node.operator === 'void') ||
    (node?.type === 'NumericLiteral' && node.value === 0) ||
    (node?.type === 'BooleanLiteral' && node.value === false)
  );
}

// `if (h)`, `while (!h)`, `h ? a : b`, `h && f()`, `h !== undefined`, `h == null`, `!h`,
// `typeof h !== 'undefined'`.
function isConditionRead(tree: Tree, node: any): boolean {
  let current = node;
  let parent = tree.parent(current);
  while (parent?.type === 'UnaryExpression' && parent.operator === '!') {
    current = parent;
    parent = tree.parent(current);
  }
  // `typeof h !== 'undefined'`
  const isTypeof = parent?.type === 'UnaryExpression' && parent.operator === 'typeof';
  if (isTypeof) {
    current = parent;
    parent = tree.parent(current);
  }
  if (parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
    const other = parent.left === current ? unwrap(parent.right) : unwrap(parent.left);
    const isUndefinedName = (other?.type === 'StringLiteral' || other?.type === 'Literal') && other.value === 'undefined';
    if (isTypeof ? !isUndefinedName : !isNullish(other)) return false;
    current = parent;
    parent = tree.parent(current);
  }
  if (parent?.type === 'LogicalExpression' && parent.left === current) return true;
  if ((parent?.type === 'IfStatement' || parent?.type === 'WhileStatement' || parent?.type === 'ConditionalExpression' || parent?.type === 'DoWhileStatement') && parent.test === current) return true;
  return false;
}

// The callback's effects, as statements: the calls, assignments and others it makes, in order.
export type Effect =
  | { kind: 'call'; call: any; statement: any }
  | { kind: 'assign'; assignment: any; statement: any }
  | { kind: 'other'; node: any };

/** what a timer's callback does: its statements, when it is a function literal without parameters */
export function callbackEffects(callback: any): Effect[] | undefined {
  if (!isFunction(callback) || callback.async || callback.generator) return undefined;
  if (callback.params.length > 0) return undefined;
  const body = callback.body;
  if (body.type !== 'BlockStatement') return [expressionEffect(body, body)];
  return body.body.map((statement: any) => {
    if (statement.type === 'ExpressionStatement') return expressionEffect(statement.expression, statement);
    if (statement.type === 'ReturnStatement' && statement.argument) return expressionEffect(statement.argument, statement);
    return { kind: 'other', node: statement } as Effect;
  });
}

function expressionEffect(node: any, statement: any): Effect {
  let expression = unwrap(node);
  if (expression?.type === 'UnaryExpression' && expression.operator === 'void') expression = unwrap(expression.argument);
  if (expression?.type === 'CallExpression') return { kind: 'call', call: expression, statement };
  if (expression?.type === 'AssignmentExpression') return { kind: 'assign', assignment: expression, statement };
  return { kind: 'other', node: statement };
}

/** `return reject(err);` (or any `return`) in a timer's block callback: code appended at its end would not run after it */
export function returnsInCallback(tree: Tree, callback: any): boolean {
  return isFunction(callback) && callback.body.type === 'BlockStatement' && tree.within(callback.body, 'ReturnStatement').some((statement) => tree.functionOf(statement) === callback);
}
