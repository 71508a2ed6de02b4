// How a fix must spell the twin of a builtin where it writes it: the `clearTimeout` that clears
// this timer (the global, a node:timers import, `window.clearTimeout`, `globalThis.clearTimeout`
// when the name is shadowed there), and the `typeof` that types its handle; and how a call spelled
// setTimeout that is not the platform's is named in a report.
import { unwrap } from '../analysis/tree';
import type { Facts } from './facts';
import type { TimerFact } from './timer';

export type Spelling = { ok: true; spelling: string } | { ok: false; name: string };

// A `clearTimeout` imported from node:timers, visible at `at` under the local name it has there.
function importedClear(facts: Facts, at: any): string | undefined {
  for (const statement of facts.tree.program.body) {
    if (statement.type !== 'ImportDeclaration' || !['timers', 'node:timers'].includes(String(statement.source.value))) continue;
    for (const specifier of statement.specifiers ?? []) {
      const imported = specifier.imported?.name ?? specifier.imported?.value;
      if (specifier.type === 'ImportSpecifier' && imported === 'clearTimeout') {
        const local = specifier.local.name;
        if (facts.scopes.lookupFrom(facts.resolver.scopeAt(at), local) === facts.scopes.bindingOf(specifier.local)) return local;
      }
    }
  }
  return undefined;
}

export function clearSpelling(facts: Facts, timer: TimerFact, at: any): Spelling {
  const { resolver } = facts;
  const via = timer.builtin.via;
  if (via.kind === 'global-member') {
    return resolver.isFreeAt(at, via.object) ? { ok: true, spelling: `${via.object}.clearTimeout` } : { ok: false, name: via.object };
  }
  if (via.kind === 'namespace') {
    return via.object ? { ok: true, spelling: `${via.object}.clearTimeout` } : { ok: false, name: 'clearTimeout' };
  }
  // the global, or node:timers' (the same function in Node)
  if (resolver.isFreeAt(at, 'clearTimeout')) return { ok: true, spelling: 'clearTimeout' };
  const imported = importedClear(facts, at);
  if (imported) return { ok: true, spelling: imported };
  if (resolver.isFreeAt(at, 'globalThis')) return { ok: true, spelling: 'globalThis.clearTimeout' };
  return { ok: false, name: 'clearTimeout' };
}

/** the expression `typeof` takes to type the handle: `setTimeout`, `window.setTimeout`, `later` */
export function timerTypeQuery(facts: Facts, timer: TimerFact): string {
  const via = timer.builtin.via;
  if (via.kind === 'global-member' || via.kind === 'namespace') return `${via.object}.setTimeout`;
  if (via.kind === 'import') return via.local;
  void facts;
  return 'setTimeout';
}

/** a call spelled setTimeout that is not the platform's: a member of some object, or a shadowing name */
export function foreignOrShadowed(facts: Facts, call: any): { name: string; node: any; foreign?: boolean } {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return { name: 'setTimeout', node: call };
  return { name: facts.code(callee, 40), node: call, foreign: true };
}

/** `setTimeout(…)` or `x.setTimeout(…)`, whatever it is bound to */
export function spelledSetTimeout(call: any): boolean {
  const callee = unwrap(call.callee);
  return (callee?.type === 'Identifier' && callee.name === 'setTimeout') || ((callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property?.name === 'setTimeout');
}
