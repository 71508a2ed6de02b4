// buffered-slot's edits: one slot for the channel (Go's `make(chan result, 1)`), and a lost race
// that returns its iterator.
import { type Edit, insertAt } from '../../engine/edits';
import type { FixContext } from '../../engine/rule';
import { type Layout, appendArgument, semi, statement } from '../../edit/layout';
import { assembleRaceFix, raceFixParts } from '../race-timeout/fix';
import type { SlotPlan } from './analyze';

export function fixSlot(plan: SlotPlan, context: FixContext): Edit[] {
  const { facts, names } = context;
  const layout: Layout = { text: facts.source, tree: facts.tree, style: context.style() };
  const { style, text } = layout;
  switch (plan.kind) {
    case 'transform-stream':
      // new TransformStream()  →  new TransformStream(undefined, undefined, { highWaterMark: 1 })
      return [appendArgument(layout, plan.node, 'undefined, undefined, { highWaterMark: 1 }')];
    case 'async-channel':
    case 'csp-chan':
      // new Channel()  →  new Channel(1);  csp.chan()  →  csp.chan(1)
      return [appendArgument(layout, plan.node, '1')];
    case 'repeater': {
      // new Repeater(executor)  →  new Repeater(executor, new FixedBuffer(1)), FixedBuffer imported beside Repeater
      const declaration = plan.importDeclaration;
      const existing = (declaration.specifiers ?? []).find(
        (specifier: any) => specifier.type === 'ImportSpecifier' && (specifier.imported.name ?? specifier.imported.value) === 'FixedBuffer' && specifier.importKind !== 'type',
      );
      const edits: Edit[] = [];
      let local: string;
      if (existing) {
        local = existing.local.name;
      } else {
        local = names.allocate('FixedBuffer', facts.tree.program);
        const last = declaration.specifiers[declaration.specifiers.length - 1];
        edits.push(insertAt(last.end, local === 'FixedBuffer' ? ', FixedBuffer' : `, FixedBuffer as ${local}`));
      }
      edits.push(appendArgument(layout, plan.node, `new ${local}(1)`));
      return edits;
    }
    case 'iterator': {
      const race = plan.site.node;
      const parts = plan.race ? raceFixParts(plan.race, context) : { declarations: [], inner: [], settled: [] };
      if (plan.iterator) {
        // .catch((raceError) => { it.return().catch(() => {}); throw raceError; }): the generator runs
        // its finally once the pending next() is done; an error from that finally has nobody left to hear it
        const error = names.allocate('raceError', facts.tree.functionOf(race));
        const outer = text.indentOf(race.end);
        const eol = text.terminatorNear(race.end);
        const inner = outer + style.indent;
        parts.after = [`.catch((${error}) => {${eol}${inner}${statement(style, `${plan.iterator}.return().catch(() => {})`)}${eol}${inner}throw ${error}${semi(style)}${eol}${outer}})`];
      }
      const placement = plan.race?.placement ?? { kind: 'statement' as const, statement: race, owner: facts.tree.program };
      return assembleRaceFix(race, placement, parts, context);
    }
  }
}
