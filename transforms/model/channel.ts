// A one-shot rendezvous channel (the article's unbuffered `chan result`): `new TransformStream()`,
// an unbuffered `Repeater` of @repeaterjs/repeater, js-csp's `chan()`, async-channel's
// `new Channel()`. The model names the channel, its library (by binding: an import or require of
// that package), and where it is created; the rule checks GFix's preconditions on its uses.
import { propertyName, requiredModule } from '../analysis/resolve';
import { unwrap } from '../analysis/tree';
import type { Facts } from './facts';

export const REPEATER_MODULE = '@repeaterjs/repeater';
export const ASYNC_CHANNEL_MODULE = 'async-channel';
export const CSP_MODULE = 'js-csp';

export type ChannelLibrary = 'transform-stream' | 'repeater' | 'csp' | 'async-channel';

export interface ChannelSite {
  kind: 'channel';
  /** the `new X(...)` or `chan()` call */
  node: any;
  library: ChannelLibrary;
  /** `new Repeater` that is not @repeaterjs/repeater's, in a file that imports it; a shadowed TransformStream */
  lookalike?: { name: string; origin: string };
  /** the import of Repeater, for FixedBuffer */
  importDeclaration?: any;
}

// What js-csp function a callee is: `csp.chan` with `csp` the module (default, namespace or
// `require('js-csp')`), or a named import (`import { chan } from 'js-csp'`).
export function cspFunction(facts: Facts, callee: any): string | undefined {
  const expression = unwrap(callee);
  if (expression?.type === 'Identifier') {
    const binding = facts.scopes.bindingOf(expression);
    const info = binding?.imported;
    if (info) return info.source === CSP_MODULE && info.imported !== 'default' && info.imported !== '*' ? info.imported : undefined;
    // const { chan } = require('js-csp')
    const declarator = binding?.declaration;
    if (binding?.kind !== 'const' || declarator?.id?.type !== 'ObjectPattern' || requiredModule(facts.scopes, declarator.init) !== CSP_MODULE) return undefined;
    const property = declarator.id.properties.find((candidate: any) => candidate.value === binding.id || candidate.value?.left === binding.id);
    return property && !property.computed ? (property.key.name ?? property.key.value) : undefined;
  }
  if (expression?.type !== 'MemberExpression' || expression.computed) return undefined;
  const object = unwrap(expression.object);
  if (object?.type !== 'Identifier') return undefined;
  return isModule(facts, object, CSP_MODULE) ? propertyName(expression) : undefined;
}

function isModule(facts: Facts, identifier: any, source: string): boolean {
  const binding = facts.scopes.bindingOf(identifier);
  if (!binding) return false;
  if (binding.imported) return binding.imported.source === source && (binding.imported.imported === 'default' || binding.imported.imported === '*');
  return binding.kind === 'const' && binding.declaration?.id === binding.id && requiredModule(facts.scopes, binding.declaration.init) === source;
}

/** `name` bound to `imported` of the package `source` (an import, or a require destructuring) */
function importedFrom(facts: Facts, identifier: any, source: string, imported: string): any | undefined {
  const binding = facts.scopes.bindingOf(identifier);
  if (binding?.imported?.source === source && binding.imported.imported === imported) return facts.tree.parent(binding.declaration);
  return undefined;
}

export function channelCandidates(facts: Facts): any[] {
  const { tree } = facts;
  const text = facts.text;
  const candidates: any[] = [];
  for (const node of tree.ofType('NewExpression')) {
    const callee = unwrap(node.callee);
    if (callee?.type !== 'Identifier') continue;
    if (callee.name === 'TransformStream' || (text.includes(REPEATER_MODULE) && facts.scopes.bindingOf(callee)?.imported) || (text.includes(ASYNC_CHANNEL_MODULE) && facts.scopes.bindingOf(callee)?.imported) || callee.name === 'Repeater') candidates.push(node);
  }
  if (text.includes(CSP_MODULE)) for (const call of tree.ofType('CallExpression')) if (cspFunction(facts, call.callee) === 'chan') candidates.push(call);
  return candidates;
}

export function buildChannelSite(facts: Facts, node: any): ChannelSite | undefined {
  const callee = unwrap(node.callee);
  if (node.type === 'CallExpression') return node.arguments.length === 0 ? { kind: 'channel', node, library: 'csp' } : undefined;
  if (callee.name === 'TransformStream' && !facts.scopes.bindingOf(callee)) {
    // a stream built with a transformer or strategies is a stream, not a bare channel (and our own output has them)
    if (node.arguments.length !== 0) return undefined;
    if (!facts.resolver.is(callee, 'TransformStream')) return undefined;
    return { kind: 'channel', node, library: 'transform-stream' };
  }
  if (callee.name === 'TransformStream' && node.arguments.length === 0) return { kind: 'channel', node, library: 'transform-stream', lookalike: { name: 'TransformStream', origin: 'global TransformStream' } };
  if (importedFrom(facts, callee, ASYNC_CHANNEL_MODULE, 'Channel')) return node.arguments.length === 0 ? { kind: 'channel', node, library: 'async-channel' } : undefined;
  const repeaterImport = importedFrom(facts, callee, REPEATER_MODULE, 'Repeater');
  if (repeaterImport) return node.arguments.length === 1 ? { kind: 'channel', node, library: 'repeater', importDeclaration: repeaterImport } : undefined;
  if (callee.name === 'Repeater' && facts.text.includes(REPEATER_MODULE)) {
    const imports = facts.tree.program.body.some((statement: any) => statement.type === 'ImportDeclaration' && statement.source.value === REPEATER_MODULE);
    if (imports) return { kind: 'channel', node, library: 'repeater', lookalike: { name: 'Repeater', origin: `Repeater of ${REPEATER_MODULE}` } };
  }
  return undefined;
}
