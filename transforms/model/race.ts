// A `Promise.race([...])` with a timer among its arms: the arms resolved through bindings, the timer
// and its handle, every cleanup with the outcomes it runs on, and what each settle path leaves behind.
import type { Binding } from '../analysis/scope';
import { hasWrites, propertyName } from '../analysis/resolve';
import { isFunction, unwrap } from '../analysis/tree';
import { type Arm, type TimerArm, classifyArm, isTimerRole } from './arms';
import type { Facts } from './facts';
import { isLiteral } from './effects';
import { type Coverage, type Outcome, chainTop, coverageOf, runsBeforeSettling } from './paths';
import { type HandleUse, type TimerFact, timerFact } from './timer';

export interface RaceArm {
  /** the array element */
  element: any;
  /** what the arm evaluates: the element, or the initialiser of the local const it names */
  value: any;
  /** `const timeout = …;` before the race, when the element names it */
  declaration?: { statement: any; declarator: any; binding: Binding; otherUses: number };
  arm: Arm;
}

export type SettlePath = 'work-fulfils' | 'work-rejects' | 'timer-fires';

export interface Cleanup {
  kind: 'clear' | 'abort' | 'return';
  node: any;
  /** the race's outcomes it runs on, once the race has settled */
  race: Coverage;
  /** the (single) work arm's outcomes it runs on, when it sits on that arm's chain */
  work: Coverage;
  /** it runs before the race can settle (right after it is created, no await between) */
  beforeSettling: boolean;
}

export interface RaceSite {
  kind: 'race';
  node: any;
  /** `Promise` in `Promise.race` is the global one */
  builtinPromise: boolean;
  arms: RaceArm[];
  /** the timer arms, resolved or not */
  timerArms: RaceArm[];
  workArms: RaceArm[];
  /** the resolved setTimeout of the one timer arm, when there is one */
  timer?: TimerFact;
  /** how the race settles when the timer fires */
  timerOutcome?: Outcome;
  /** the clears of the timer's handle, with the paths they cover */
  clears: Cleanup[];
  /**
   * every platform timer the timer arm arms (a resolved arm has one; an arm this model cannot take
   * apart may arm it behind a condition), each with its clears: what 'already safe' is judged on
   */
  armTimers: Array<{ timer: TimerFact; clears: Cleanup[] }>;
  /** the one work arm cannot reject (a `new Promise` that never calls reject): its failure path does not exist */
  workCannotReject: boolean;
}

const PROMISE_LIBRARIES = new Set(['bluebird', 'q', 'es6-promise', 'promise', 'pinkie-promise', 'native-promise-only', 'lie', 'rsvp', 'when']);

/**
 * `X.race([...])` and `X.any([...])` calls whose X is the global Promise or plainly a promise class.
 * `any` settles on the first arm to fulfil (or when every arm has rejected): a timer cleared once it
 * has settled is as unneeded as a race's.
 */
export function raceCalls(facts: Facts): any[] {
  return facts.tree.ofType('CallExpression').filter((call) => {
    const callee = unwrap(call.callee);
    const method = propertyName(callee);
    return (callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && (method === 'race' || method === 'any') && call.arguments.length === 1;
  });
}

// The object of `X.race`: the global Promise, a promise class other than it (a library import,
// `this.Promise`), or something that only has a `race` method (Repeater.race, a custom helper).
function promiseKind(facts: Facts, object: any): 'global' | 'other' | 'not-a-promise' {
  const expression = unwrap(object);
  if (facts.resolver.is(expression, 'Promise')) return 'global';
  if (expression?.type === 'Identifier') {
    const binding = facts.scopes.bindingOf(expression);
    // `import { Promise } from './deps'`: a promise class by its name, whatever the module
    if (binding?.kind === 'import') return PROMISE_LIBRARIES.has(binding.imported!.source) || binding.imported!.imported === 'Promise' ? 'other' : 'not-a-promise';
    if (!binding) return expression.name === 'Promise' ? 'other' : 'not-a-promise';
    return /^(?:P|Promise|PromiseImpl|PromiseCtor|_Promise)$/.test(expression.name) ? 'other' : 'not-a-promise';
  }
  const name = propertyName(expression);
  return name !== undefined && /^_?[Pp]romise(?:Impl|Ctor|Library)?$/.test(name) ? 'other' : 'not-a-promise';
}

// `Promise.race([work, timeout])` with `const timeout = …` declared before the race in the same
// function: the arm is that initialiser.
// With `outer`, a const of an enclosing function is followed too (`const timeout = …;
// items.map(() => Promise.race([work(), timeout]))`): every run of the inner function shares it.
function resolveElement(facts: Facts, race: any, element: any, outer = false): Pick<RaceArm, 'value' | 'declaration'> {
  const expression = unwrap(element);
  if (expression?.type !== 'Identifier') return { value: element };
  const binding = facts.scopes.bindingOf(expression);
  if (!binding || (binding.kind !== 'const' && binding.kind !== 'let') || hasWrites(binding)) return { value: element };
  const declarator = binding.declaration;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.id || !declarator.init) return { value: element };
  const sameFunction = facts.tree.functionOf(declarator) === facts.tree.functionOf(race);
  if (declarator.end > race.start || (!sameFunction && !(outer && facts.tree.isInside(race, facts.tree.functionOf(declarator))))) return { value: element };
  const statement = facts.tree.parent(declarator);
  // a use on a branch that excludes the race's (`if (…) race(…) else wait = timeout`) never meets it
  const otherUses = binding.references.filter((reference) => reference.node !== expression && !onExclusiveBranches(facts, reference.node, race)).length + (sameFunction ? 0 : 1);
  return { value: declarator.init, declaration: { statement, declarator, binding, otherUses } };
}

// whether `a` and `b` lie on two branches of one `if` or `?:`, so that one run reaches only one of them
export function onExclusiveBranches(facts: Facts, a: any, b: any): boolean {
  const { tree } = facts;
  for (const ancestor of tree.ancestors(a)) {
    if (isFunction(ancestor)) return false;
    if (ancestor.type !== 'IfStatement' && ancestor.type !== 'ConditionalExpression') continue;
    if (!tree.isInside(b, ancestor)) continue;
    const branches = [ancestor.consequent, ancestor.alternate].filter(Boolean);
    const branchOf = (node: any) => branches.findIndex((branch: any) => tree.isInside(node, branch));
    const ia = branchOf(a);
    const ib = branchOf(b);
    return ia !== -1 && ib !== -1 && ia !== ib;
  }
  return false;
}

export function buildRaceSite(facts: Facts, race: any): RaceSite | undefined {
  let list = unwrap(race.arguments[0]);
  // `const arms = [work, timeout]; Promise.race(arms)`: the arms are the array's, evaluated where it
  // is declared (a fix declares its handle before that), and an array used for more is shared
  let held: RaceArm['declaration'];
  if (list?.type === 'Identifier') {
    const named = resolveElement(facts, race, list);
    const declared = named.declaration?.statement;
    const exported = declared && facts.tree.parent(declared)?.type === 'ExportNamedDeclaration';
    // a race in a loop the array is not in would race the same timer again and again
    const sameLoops = declared && !facts.tree.loopBetween(race, facts.tree.parent(declared));
    if (named.declaration?.binding.kind === 'const' && unwrap(named.value)?.type === 'ArrayExpression' && !exported && sameLoops) {
      list = unwrap(named.value);
      held = named.declaration;
    }
  }
  if (list?.type !== 'ArrayExpression') return undefined;
  const promiseObject = unwrap(unwrap(race.callee).object);
  const kind = promiseKind(facts, promiseObject);
  if (kind === 'not-a-promise') return undefined;
  // `new P(executor)` makes a promise where the race is `P.race`: the same class
  const objectText = facts.textOf(promiseObject);
  const isPromise = (callee: any) => facts.resolver.is(callee, 'Promise') || (kind === 'other' && facts.textOf(unwrap(callee)) === objectText);
  const arms: RaceArm[] = [];
  for (const element of list.elements) {
    if (element === null) continue;
    if (element.type === 'SpreadElement') {
      arms.push({ element, value: element, arm: { role: 'work', head: element, tails: [] } });
      continue;
    }
    const resolved = resolveElement(facts, race, element);
    const arm = classifyArm(facts, resolved.value, 0, isPromise, (head) => resolveElement(facts, race, head).declaration?.declarator.init);
    // a timer promise of an enclosing function: known as a timer, and shared by every run of this one
    if (!resolved.declaration && arm.role !== 'timer') {
      const fromOuter = resolveElement(facts, race, element, true);
      const outerArm = fromOuter.declaration ? classifyArm(facts, fromOuter.value, 0, isPromise) : undefined;
      if (outerArm?.role === 'timer') {
        arms.push({ element, ...fromOuter, arm: outerArm });
        continue;
      }
    }
    arms.push({ element, ...resolved, declaration: resolved.declaration ?? held, arm });
  }
  const timerArms = arms.filter((arm) => isTimerRole(arm.arm));
  if (timerArms.length === 0 || arms.length < 2) return undefined;
  const workArms = arms.filter((arm) => !isTimerRole(arm.arm));
  const site: RaceSite = { kind: 'race', node: race, builtinPromise: kind === 'global', arms, timerArms, workArms, clears: [], armTimers: [], workCannotReject: false };
  site.workCannotReject = workArms.length > 0 && workArms.every((arm) => cannotReject(facts, arm));
  for (const timerArm of timerArms) {
    for (const call of facts.tree.within(timerArm.value, 'CallExpression')) {
      const fact = facts.resolver.is(call.callee, 'setTimeout') ? timerFact(facts, call) : undefined;
      if (fact) site.armTimers.push({ timer: fact, clears: clearsOf(facts, site, fact.uses) });
    }
  }
  const resolved = timerArms.length === 1 && timerArms[0].arm.role === 'timer' ? timerArms[0] : undefined;
  if (resolved && resolved.arm.role === 'timer') {
    const timerArm = resolved.arm.timer;
    site.timerOutcome = outcomeOf(resolved.arm.tails, timerArm);
    const timer = innermost(timerArm);
    // the timer of a helper in another file is that file's: its handle is not followed here
    if (timer?.kind === 'executor' && !(timerArm.kind === 'helper' && timerArm.home)) {
      site.timer = timer.timer;
      site.clears = clearsOf(facts, site, timer.timer.uses);
    }
  }
  return site;
}

function innermost(arm: TimerArm | undefined): TimerArm | undefined {
  return arm?.kind === 'helper' ? innermost(arm.inner) : arm;
}

// A timer arm that resolves, followed by `.then(() => { throw err; })`, rejects.
function outcomeOf(tails: readonly { method: string; handlers: any[] }[], arm: TimerArm): Outcome {
  let outcome: Outcome = arm.outcome === 'rejects' ? 'rejected' : 'fulfilled';
  for (const tail of tails) {
    const handler = tail.method === 'then' ? (outcome === 'fulfilled' ? tail.handlers[0] : tail.handlers[1]) : tail.method === 'catch' && outcome === 'rejected' ? tail.handlers[0] : undefined;
    if (!handler) continue;
    outcome = throwsOrRejects(handler) ? 'rejected' : 'fulfilled';
  }
  return outcome;
}

function throwsOrRejects(handler: any): boolean {
  const body = handler?.body;
  if (!body) return false;
  if (body.type !== 'BlockStatement') {
    const call = unwrap(body);
    return call?.type === 'CallExpression' && propertyName(call.callee) === 'reject';
  }
  const last = body.body.at(-1);
  if (last?.type === 'ThrowStatement') return true;
  const returned = last?.type === 'ReturnStatement' ? unwrap(last.argument) : undefined;
  return returned?.type === 'CallExpression' && propertyName(returned.callee) === 'reject';
}

// Each clear of the handle: which race outcomes it follows, which outcomes of the one work arm it
// follows (a clear on the work's own chain, or on another chain on the same promise:
// `request.finally(() => clearTimeout(t))` beside `Promise.race([request, timer])`), and whether it
// runs before the race could settle.
function clearsOf(facts: Facts, site: RaceSite, uses: readonly HandleUse[]): Cleanup[] {
  const { tree, scopes } = facts;
  const follow = (top: any) => followStored(facts, top);
  const workArm = site.workArms.length === 1 ? site.workArms[0] : undefined;
  const heads: any[] = [];
  if (workArm?.arm.role === 'work') {
    heads.push(workArm.arm.head);
    const head = unwrap(workArm.arm.head);
    // the const the element names (not the array the arms are held in)
    const own = workArm.declaration?.declarator.init === workArm.value ? workArm.declaration : undefined;
    const named = head?.type === 'Identifier' ? scopes.bindingOf(head) : own?.binding;
    if (named && !hasWrites(named)) for (const reference of named.references) heads.push(reference.node);
  }
  return uses
    .filter((use) => use.kind === 'clear')
    .map((use) => {
      const call = use.call;
      const work = new Set<Outcome>();
      for (const head of heads) for (const outcome of coverageOf(tree, head, call, follow)) work.add(outcome);
      return {
        kind: 'clear' as const,
        node: call,
        race: coverageOf(tree, site.node, call, follow),
        work,
        beforeSettling: runsBeforeSettling(tree, site.node, call),
      };
    });
}

// `new Promise((resolve) => …)` whose executor never rejects (no reject parameter, or one never
// used) and is not async: the arm only ever fulfils.
function cannotReject(facts: Facts, arm: RaceArm): boolean {
  if (arm.arm.role !== 'work' || arm.arm.tails.length > 0) return false;
  const head = unwrap(arm.arm.head);
  if (head?.type !== 'NewExpression' || !facts.resolver.is(head.callee, 'Promise')) return false;
  const executor = unwrap(head.arguments[0]);
  if (!executor || !(executor.type === 'ArrowFunctionExpression' || executor.type === 'FunctionExpression') || executor.async) return false;
  const reject = executor.params[1];
  const binding = reject?.type === 'Identifier' ? facts.scopes.bindingOf(reject) : undefined;
  if (reject && (binding === undefined || binding.references.length > 0)) return false;
  // nor can its executor throw (which rejects too): it only resolves or arms a timer, with values
  // that cannot throw (names, literals, functions: a property read on undefined throws), or stores
  // such a value in a variable
  const resolve = executor.params[0]?.type === 'Identifier' ? facts.scopes.bindingOf(executor.params[0]) : undefined;
  const plain = (node: any): boolean => {
    const value = unwrap(node);
    return value?.type === 'Identifier' || isLiteral(value) || isFunction(value);
  };
  // a variable, or a property of a const made by an object literal (`const deferred = {}`)
  const storable = (node: any): boolean => {
    const target = unwrap(node);
    if (target?.type === 'Identifier') return true;
    if (target?.type !== 'MemberExpression' || target.computed || unwrap(target.object)?.type !== 'Identifier') return false;
    const binding = facts.scopes.bindingOf(unwrap(target.object));
    return binding?.kind === 'const' && unwrap(binding.declaration?.init)?.type === 'ObjectExpression';
  };
  const quietCall = (node: any): boolean => {
    const call = unwrap(node);
    // `interval = setInterval(…)`, `waiter = resolve`: a store in a variable
    if (call?.type === 'AssignmentExpression') return call.operator === '=' && storable(call.left) && (plain(call.right) || quietCall(call.right));
    if (call?.type !== 'CallExpression') return false;
    const callee = unwrap(call.callee);
    const settles = resolve !== undefined && callee?.type === 'Identifier' && facts.scopes.bindingOf(callee) === resolve;
    const timer = facts.resolver.is(call.callee, 'setTimeout') || facts.resolver.is(call.callee, 'setInterval');
    return (settles || timer) && call.arguments.every(plain);
  };
  const statements = executor.body.type === 'BlockStatement' ? executor.body.body : [{ type: 'ExpressionStatement', expression: executor.body }];
  return statements.every((statement: any) => (statement.type === 'ExpressionStatement' && quietCall(statement.expression)) || statement.type === 'EmptyStatement');
}

// A chain kept in a const and read once (`const p = Promise.race(…); … await p;`): that one read.
export function followStored(facts: Facts, top: any): any | undefined {
  const declarator = facts.tree.parent(top);
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== top || declarator.id.type !== 'Identifier') return undefined;
  const binding = facts.scopes.bindingOf(declarator.id);
  if (!binding || binding.references.length !== 1 || binding.references[0].write) return undefined;
  return binding.references[0].node;
}

/** for the report: the chain top of the race */
export function raceTop(facts: Facts, site: RaceSite): any {
  return chainTop(facts.tree, site.node);
}
