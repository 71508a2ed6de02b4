// A sleep or timeout helper's call, inlined at the race that uses it so that its timer gets a handle
// the race can clear: `delay(100)` with `const delay = (ms) => new Promise((r) => setTimeout(r, ms))`
// becomes `new Promise((r) => { h = setTimeout(r, 100); })`. The helper may be in this file or in
// another (its facts are its `home`); it is left as it is for its other callers.
//
// Inlining keeps what the call did, under these preconditions (the failing one is the reason):
// - the helper gives back one expression, with exactly one platform `setTimeout` in it, inside the
//   executor of a `new Promise` that does nothing else, and its handle is not kept;
// - the timer's callback only settles that promise (`resolve`, `() => resolve()`, `() => reject(err)`);
// - every other name it uses is a global that means the same at the race;
// - each parameter becomes its argument's text: where it is read later than the call (in the
//   timer's callback) or more than once, the argument must be a value that cannot change or cost
//   (a literal, a const, a parameter never assigned), and no name the helper declares may capture
//   a name the argument uses.
import { type TimerFact, callbackEffects, setTimeoutOf, timerFact } from './timer';
import { isFunction, unwrap } from '../analysis/tree';
import { hasWrites } from '../analysis/resolve';
import { isEffectFree, isEffectFreeBut } from './effects';
import type { Facts } from './facts';
import { returnedExpression } from './arms';

export interface InlinePlan {
  /** the helper's facts (this file's, or another's) */
  home: Facts;
  /** the call at the race */
  call: any;
  /** the helper's returned expression, in `home` */
  returned: any;
  /** its one timer, in `home` */
  timer: TimerFact;
  /** the executor around the timer, in `home` */
  executor: any;
  /** parameter references in `returned` → the argument text that replaces each */
  substitutions: Array<{ node: any; text: string }>;
  /** `new Promise` → `new Promise<T>`: the offset in `home` after `Promise`, and T, when the site must spell it */
  typeArgument?: { at: number; text: string };
  /** the names the inlined text declares (the executor's `resolve`): none may be the fix's handle */
  declared: ReadonlySet<string>;
}

const STABLE_ARGUMENT = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'Literal']);

function isStable(site: Facts, node: any): boolean {
  const expression = unwrap(node);
  if (STABLE_ARGUMENT.has(expression?.type)) return true;
  if (expression?.type === 'TemplateLiteral' && expression.expressions.length === 0) return true;
  if (expression?.type === 'UnaryExpression' && expression.operator === '-' && STABLE_ARGUMENT.has(unwrap(expression.argument)?.type)) return true;
  if (expression?.type !== 'Identifier') return false;
  if (expression.name === 'undefined' && site.resolver.isFreeAt(expression, 'undefined')) return true;
  const binding = site.scopes.bindingOf(expression);
  if (!binding) return false;
  return binding.kind === 'const' || ((binding.kind === 'param' || binding.kind === 'let') && !hasWrites(binding));
}

// the names Node gives each CommonJS module of its own
const MODULE_NAMES = new Set(['__filename', '__dirname', 'require', 'module', 'exports']);

/** a plan, or the reason the call cannot be inlined */
export function planInline(site: Facts, at: any, call: any, fn: any, home: Facts): InlinePlan | string {
  if (fn.async || fn.generator) return 'it is async or a generator';
  // `this.delay(ms)` of a public method: a subclass may override it, and the race would then run
  // the base class's body instead of the override (a private `#delay` cannot be overridden)
  if (fn.type === 'ClassMethod' && !fn.static && overridable(home, fn)) return 'it is a method of a class that is exported or extended, whose subclasses may override it';
  let returned = returnedExpression(fn);
  if (returned === undefined) return 'it does more than give back one expression';
  if (call.arguments.some((argument: any) => argument.type === 'SpreadElement') || call.arguments.length > fn.params.length) return 'the call spreads or passes more arguments than it takes';
  const generic = genericProblem(home, call, fn);
  if (generic) return generic;
  // `isFinite(ms) ? timer : never`: decided here when the argument is a number written out; copying
  // the choice into every race that uses the helper is not a diff to merge
  const choice = unwrap(returned);
  if (choice?.type === 'ConditionalExpression') {
    const branch = foldedBranch(site, at, call, fn, home, choice);
    if (branch === undefined) return `it chooses its promise at each call (\`${home.code(choice.test, 40)} ? …\`); inlining would copy that choice into the race`;
    returned = branch;
  }

  // its one platform timer, alone in a `new Promise` executor of the returned expression
  const timers = home.tree.within(returned, 'CallExpression').filter((node) => setTimeoutOf(home.resolver, node) !== undefined);
  if (timers.length !== 1) return timers.length === 0 ? 'it arms no setTimeout of the platform' : 'it arms more than one timer';
  const timer = timerFact(home, timers[0]);
  if (!timer || timer.capture.kind !== 'none') return 'it keeps the timer\'s handle';
  const via = timer.builtin.via;
  if (via.kind !== 'global' && via.kind !== 'global-member') return 'its setTimeout is an import of its own file';
  const executor = home.tree.functionOf(timer.call);
  const newPromise = home.tree.parent(executor);
  if (!isFunction(executor) || newPromise?.type !== 'NewExpression' || unwrap(newPromise.arguments[0]) !== executor || !home.resolver.is(newPromise.callee, 'Promise')) return 'its timer is not armed by a `new Promise` executor';
  const body = executor.body;
  const alone = body === timer.expression || (body.type === 'BlockStatement' && body.body.length === 1 && body.body[0].type === 'ExpressionStatement' && body.body[0].expression === timer.expression);
  if (!alone) return 'its executor does more than arm the timer';
  if (!home.tree.isInside(newPromise, returned)) return 'its timer is not armed by a `new Promise` executor';

  // the callback only settles that promise
  const settles = executor.params.slice(0, 2).map((param: any) => (param.type === 'Identifier' ? home.scopes.bindingOf(param) : undefined));
  const isSettle = (node: any) => {
    const binding = unwrap(node)?.type === 'Identifier' ? home.scopes.bindingOf(unwrap(node)) : undefined;
    return binding !== undefined && settles.includes(binding);
  };
  const effects = callbackEffects(timer.callback);
  if (effects) {
    const only = effects.length === 1 && effects[0].kind === 'call' ? effects[0].call : undefined;
    if (!only || !isSettle(only.callee) || only.arguments.length > 1 || !only.arguments.every(isEffectFree)) return 'its timer\'s callback does more than settle the promise';
  } else if (!isSettle(timer.callback) || timer.extraArguments.length > 1 || !timer.extraArguments.every(isEffectFree)) {
    return 'its timer\'s callback does more than settle the promise';
  }

  // parameters → arguments
  const substitutions: InlinePlan['substitutions'] = [];
  const declaredInside = new Set<string>();
  for (const id of home.tree.within(returned, 'Identifier')) if (home.scopes.bindingOf(id)?.id === id) declaredInside.add(id.name);
  const argumentNames = new Set<string>();
  for (let index = 0; index < fn.params.length; index += 1) {
    const param = fn.params[index];
    const id = param.type === 'AssignmentPattern' ? param.left : param;
    if (id.type !== 'Identifier') return 'it takes a destructured or rest parameter';
    const binding = home.scopes.bindingOf(id);
    if (!binding || hasWrites(binding)) return 'it assigns one of its parameters';
    const argument = call.arguments[index];
    let text: string;
    let stable: boolean;
    if (argument && param.type === 'AssignmentPattern' && !STABLE_ARGUMENT.has(unwrap(argument)?.type)) {
      // `delay(ms)` with `(ms = 300) =>`: the default applies when `ms` is undefined, which the text alone would lose
      return `its argument ${index + 1} (\`${site.code(argument, 30)}\`) may be undefined, where the parameter's default would apply`;
    }
    if (argument) {
      text = site.text.slice(argument.start, argument.end);
      // evaluated inside the executor once inlined, where a throw would reject the timer's promise
      // instead of throwing from the call: only an argument that runs no code
      if (!isEffectFree(argument) && !isQuietArgument(site, argument)) return `its argument ${index + 1} (\`${site.code(argument, 30)}\`) runs code, which inlined would run inside the timer's executor, where a throw becomes a rejection`;
      stable = isStable(site, argument);
      for (const name of site.tree.within(argument, 'Identifier').map((node: any) => node.name)) argumentNames.add(name);
    } else if (param.type === 'AssignmentPattern') {
      if (!STABLE_ARGUMENT.has(unwrap(param.right)?.type)) return 'a parameter the call leaves out has a default that is not a literal';
      text = home.text.slice(param.right.start, param.right.end);
      stable = true;
    } else {
      if (!site.resolver.isFreeAt(at, 'undefined')) return '`undefined` is not the global at the race';
      text = 'undefined';
      stable = true;
    }
    const uses = binding.references.map((reference) => reference.node).filter((node) => home.tree.isInside(node, returned));
    const late = uses.some((node) => home.tree.isInside(node, timer.callback) && isFunction(timer.callback));
    const which = `its argument ${index + 1} (\`${id.name}\`)`;
    if ((late || uses.length > 1) && !stable) return `${which} is read when the timer fires, or more than once, and may not keep its value until then`;
    // `delay(this.timeout)` into `new Promise(function (resolve) { … })`: `this` (or `arguments`)
    // would be the executor's own there
    if (argument && readsOwnBinding(site, argument) && uses.some((node) => underNonArrow(home, node, returned))) return `${which} reads \`this\` or \`arguments\`, which the helper's own function would rebind once inlined`;
    if (argument && !isEffectFree(argument) && (uses.length !== 1 || late)) return `${which} would be evaluated ${uses.length === 0 ? 'not at all' : 'more than once'}`;
    for (const node of uses) {
      // `setTimeout(resolve, ms, value)` with no value given: the trailing `, undefined` goes
      if (!argument && text === 'undefined' && timer.extraArguments.at(-1) === node && timer.extraArguments.length === 1) {
        substitutions.push({ node: { start: timer.delay.end, end: node.end }, text: '' });
        continue;
      }
      substitutions.push({ node, text: needsParentheses(home, node, argument) ? `(${text})` : text });
    }
  }
  for (const name of argumentNames) if (declaredInside.has(name)) return `a name it declares, \`${name}\`, would capture the argument's`;

  // `this`, `arguments`, `new.target`, `super`: the race's function's, once inlined there
  const bound = [...home.tree.within(returned, 'ThisExpression'), ...home.tree.within(returned, 'Super'), ...home.tree.within(returned, 'MetaProperty'), ...home.tree.within(returned, 'Identifier').filter((id) => id.name === 'arguments' && home.scopes.isReference(id) && !home.scopes.bindingOf(id))];
  if (bound.length > 0) return `it reads \`${home.code(bound[0], 20)}\`, which would mean the race's own once inlined`;

  // every other name it reads: a global that means the same at the race
  for (const id of home.tree.within(returned, 'Identifier')) {
    if (!home.scopes.isReference(id)) continue;
    const binding = home.scopes.bindingOf(id);
    if (binding && (home.tree.isInside(binding.id, returned) || fn.params.some((param: any) => home.tree.isInside(binding.id, param)))) continue;
    if (binding) return `it uses \`${id.name}\` of its own file`;
    // a CommonJS module's own names (`__filename` is the helper's file, `require` resolves from it)
    if (home !== site && MODULE_NAMES.has(id.name)) return `it uses \`${id.name}\`, which is its own module's`;
    if (!site.resolver.isFreeAt(at, id.name)) return `\`${id.name}\` is not the global at the race`;
  }

  // `new Promise<Tick>(…)` with `type Tick = void` in the helper's file: not a name at the race
  if (home !== site) {
    const own = home.tree.within(returned, 'TSTypeReference').find((reference: any) => reference.typeName?.type !== 'Identifier' || declaresType(home, reference.typeName.name));
    if (own) return `it names \`${home.code(own, 30)}\`, a type of its own file`;
  }
  // a TypeScript helper's text in a JavaScript file: its annotations, casts and type arguments would not parse
  if (home.typescript && !site.typescript && hasTypeSyntax(home, returned)) return 'it is TypeScript, whose annotations would not parse in this JavaScript file';
  // TypeScript: `new Promise` took its type from the helper's return type; the site must spell it
  let typeArgument: InlinePlan['typeArgument'];
  // (a generic helper's `Promise<T>`: T is what the race's context makes it, as `new Promise` takes it there too)
  if (site.typescript && !(newPromise.typeArguments ?? newPromise.typeParameters) && !promisesTypeParameter(fn)) {
    const returnType = fn.returnType?.typeAnnotation;
    const params = (returnType?.typeArguments ?? returnType?.typeParameters)?.params;
    if (returnType?.type === 'TSTypeReference' && returnType.typeName?.name === 'Promise' && params?.length === 1) {
      // a type of the helper's own file (`type Tick = void`) is not a name at the race
      if (home !== site && home.tree.within(params[0], 'TSTypeReference').concat(params[0].type === 'TSTypeReference' ? [params[0]] : []).length > 0) return `its return type \`${home.code(params[0], 30)}\` names a type of its own file`;
      typeArgument = { at: newPromise.callee.end, text: home.text.slice(params[0].start, params[0].end) };
    }
  }

  return { home, call, returned, timer, executor, substitutions, typeArgument, declared: declaredInside };
}

// A generic helper inlines as it was called where nothing at the call decides its type parameters:
// `sleep<T>(ms: number, value?: T): Promise<T>` called `sleep(ms)`. T is then what the race's context
// makes it (or unknown), as it is for the `new Promise` put in its place. Not with a constraint or a
// default (T would be that, the inlined promise unknown), type arguments at the call, an argument in
// a parameter whose type names T, a return type other than `Promise<T>` or one naming no T, or T
// spelled in the body (which would mean nothing at the race).
// `<T>(…): Promise<T>`: the return type is the promise of a type parameter of its own
function promisesTypeParameter(fn: any): boolean {
  const names = new Set<string>((fn.typeParameters?.params ?? []).map((param: any) => param.name?.name ?? param.name));
  const returnType = fn.returnType?.typeAnnotation;
  const promised = returnType?.type === 'TSTypeReference' && returnType.typeName?.name === 'Promise' ? (returnType.typeArguments ?? returnType.typeParameters)?.params : undefined;
  return promised?.length === 1 && promised[0].type === 'TSTypeReference' && promised[0].typeName?.type === 'Identifier' && names.has(promised[0].typeName.name) && !promised[0].typeArguments && !promised[0].typeParameters;
}

function genericProblem(home: Facts, call: any, fn: any): string | undefined {
  const params = fn.typeParameters?.params ?? [];
  if (params.length === 0) return undefined;
  const names = new Set<string>(params.map((param: any) => param.name?.name ?? param.name));
  const namesOne = (node: any) => node && [node, ...home.tree.within(node, 'TSTypeReference')].some((type: any) => type.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' && names.has(type.typeName.name));
  const why = 'it is generic, and ';
  if (call.typeArguments ?? call.typeParameters) return `${why}the call gives it type arguments, which the inlined promise would not take`;
  const bounded = params.find((param: any) => param.constraint || param.default);
  if (bounded) return `${why}its type parameter \`${home.code(bounded, 30)}\` has a constraint or default, which the inlined promise would not take`;
  const decided = fn.params.findIndex((param: any, index: number) => index < call.arguments.length && namesOne(param.typeAnnotation ?? param.left?.typeAnnotation));
  if (decided !== -1) return `${why}its argument ${decided + 1} decides its type parameter, which the inlined promise would not`;
  const returnType = fn.returnType?.typeAnnotation;
  if (returnType && !promisesTypeParameter(fn) && namesOne(returnType)) return `${why}its return type \`${home.code(returnType, 30)}\` is not the \`Promise<T>\` the inlined promise would be`;
  if (namesOne(fn.body)) return `${why}its body spells its type parameters, which mean nothing at the race`;
  return undefined;
}

// `this`, `arguments`, `super`, `new.target` in an argument: what the race's function binds
function readsOwnBinding(site: Facts, argument: any): boolean {
  const ids = [...site.tree.within(argument, 'Identifier'), ...(argument.type === 'Identifier' ? [argument] : [])];
  return (
    [...site.tree.within(argument, 'ThisExpression'), ...site.tree.within(argument, 'Super'), ...site.tree.within(argument, 'MetaProperty')].length > 0 ||
    unwrap(argument)?.type === 'ThisExpression' ||
    ids.some((id: any) => id.name === 'arguments' && !site.scopes.bindingOf(id))
  );
}

// a function other than an arrow between `node` and the top of the inlined expression
function underNonArrow(home: Facts, node: any, top: any): boolean {
  for (let fn = home.tree.functionOf(node); fn && home.tree.isInside(fn, top); fn = home.tree.functionOf(fn)) if (fn.type !== 'ArrowFunctionExpression') return true;
  return false;
}

// `deadline - Date.now()`, `Math.max(0, ms)`: an argument whose only calls are the platform's pure
// ones, which neither throw nor do anything another evaluation could see (used once, at once, it
// reads the same inlined)
const PURE_CALLS: Record<string, ReadonlySet<string>> = {
  Date: new Set(['now']),
  Math: new Set(['min', 'max', 'floor', 'ceil', 'round', 'abs', 'trunc', 'sign']),
  performance: new Set(['now']),
};

function isQuietArgument(site: Facts, node: any): boolean {
  return isEffectFreeBut(unwrap(node), (call, judge) => {
    const callee = unwrap(call.callee);
    const object = callee?.type === 'MemberExpression' && !callee.computed ? unwrap(callee.object) : undefined;
    const pure = object?.type === 'Identifier' && PURE_CALLS[object.name]?.has(callee.property.name) && site.scopes.isGlobalReference(object);
    return Boolean(pure) && call.arguments.every((argument: any) => argument.type !== 'SpreadElement' && judge(argument));
  });
}

// TypeScript syntax in a node: a type annotation, a cast, type arguments or parameters
function hasTypeSyntax(home: Facts, node: any): boolean {
  let found = false;
  const visit = (current: any): void => {
    if (found || !current || typeof current !== 'object') return;
    if (Array.isArray(current)) return current.forEach(visit);
    if (typeof current.type === 'string' && current.type.startsWith('TS')) {
      found = true;
      return;
    }
    for (const key of Object.keys(current)) {
      if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'extra') continue;
      const value = current[key];
      if (value && typeof value === 'object') visit(value);
    }
  };
  visit(node);
  void home;
  return found;
}

// a class method that a subclass may override: its class is exported, or extended in its file
function overridable(home: Facts, fn: any): boolean {
  const { tree } = home;
  const klass = tree.parent(tree.parent(fn));
  if (!klass) return true;
  const exported = ['ExportNamedDeclaration', 'ExportDefaultDeclaration'].includes(tree.parent(klass)?.type) || (klass.id && tree.ofType('ExportSpecifier').some((specifier: any) => specifier.local?.name === klass.id.name));
  const extended = klass.id && tree.ofType('ClassDeclaration').concat(tree.ofType('ClassExpression')).some((other: any) => unwrap(other.superClass)?.type === 'Identifier' && unwrap(other.superClass).name === klass.id.name);
  return Boolean(exported || extended || !klass.id);
}

// An argument in the place of a parameter keeps its meaning without parentheses where it is a whole
// argument, element, property value or initialiser, or a primary expression anywhere.
function needsParentheses(home: Facts, reference: any, argument: any): boolean {
  const expression = unwrap(argument);
  if (!expression || ['Identifier', 'MemberExpression', 'CallExpression', 'NewExpression', 'StringLiteral', 'NumericLiteral', 'Literal', 'TemplateLiteral', 'BooleanLiteral', 'NullLiteral', 'ThisExpression', 'ArrayExpression'].includes(expression.type)) return false;
  const parent = home.tree.parent(reference);
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(reference)) return false;
  if (parent?.type === 'ArrayExpression' || ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === reference)) return false;
  return true;
}

// The branch a `cond ? a : b` takes for this call, when the condition is `isFinite(p)` of a parameter
// the call gives as a number written out (or a literal's truthiness); undefined otherwise.
function foldedBranch(site: Facts, at: any, call: any, fn: any, home: Facts, choice: any): any | undefined {
  const test = unwrap(choice.test);
  let value: unknown;
  const argumentFor = (node: any) => {
    const id = unwrap(node);
    if (id?.type !== 'Identifier') return undefined;
    const index = fn.params.findIndex((param: any) => (param.type === 'AssignmentPattern' ? param.left : param).name === id.name && home.scopes.bindingOf(id)?.id === (param.type === 'AssignmentPattern' ? param.left : param));
    return index === -1 ? undefined : unwrap(call.arguments[index]);
  };
  if (test?.type === 'CallExpression' && unwrap(test.callee)?.type === 'Identifier' && unwrap(test.callee).name === 'isFinite' && home.scopes.isGlobalReference(unwrap(test.callee)) && site.resolver.isFreeAt(at, 'isFinite') && test.arguments.length === 1) {
    const argument = argumentFor(test.arguments[0]);
    if (argument?.type === 'NumericLiteral' || (argument?.type === 'Literal' && typeof argument.value === 'number')) value = Number.isFinite(argument.value);
  }
  if (value === undefined) return undefined;
  return value ? choice.consequent : choice.alternate;
}

// a type, interface, class, enum or import of that name at the top of the file (exported or not)
function declaresType(home: Facts, name: string): boolean {
  return home.tree.program.body.some((statement: any) => {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) return (statement.specifiers ?? []).some((specifier: any) => (specifier.exported?.name ?? specifier.local?.name) === name);
    if (declaration.type === 'ImportDeclaration') return declaration.specifiers.some((specifier: any) => specifier.local?.name === name);
    if (['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'ClassDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration'].includes(declaration.type)) return declaration.id?.name === name;
    if (declaration.type === 'TSImportEqualsDeclaration') return declaration.id?.name === name;
    return false;
  });
}
