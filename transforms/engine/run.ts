// One file through the rules: text gates, one parse, the model's sites, one verdict per site from
// its owner, and the fixes applied as text edits. Two fixes that would touch the same characters
// are never applied together: the later one waits for a next pass over the fixed text (as ESLint's
// fixer does), and every pass is a fresh parse and a fresh model.
//
// A crash in a site's analysis or fix loses that site only: it is reported, with its position, and
// the other sites and rules still run. A fix whose result does not parse is dropped and reported.
import { Facts } from '../model/facts';
import { MODULE_BASE, MODULE_INDEX, ModuleIndex, diskHost, diskHostAt } from '../model/modules';
import { HELPER_UPGRADES, UPGRADE_AT, UPGRADE_EXPORTED, UPGRADE_FILE, upgradesIn, upgradesOf } from '../model/upgrade';
import { normalize, resolve } from 'node:path';
import { type Site, type SiteKind, findSites, ownerOf } from '../model/sites';
import { deleteStatement, fitNewLines } from '../edit/layout';
import { isFunction, unwrap } from '../analysis/tree';
import { requiredModule } from '../analysis/resolve';
import { isEffectFree } from '../model/effects';
import { type Edit, applyEdits, overlaps, replaceRange } from './edits';
import { type Finding, type LocatedFinding, type Message, type Status, fillMessage } from './finding';
import { Names } from './names';
import { SyntaxProblem, parseSource } from './parse';
import { matchCalls, textMayHold } from './prefilter';
import type { AnyRule, FixContext, Remark, RuleContext } from './rule';
import { SourceText } from './source';
import { type Project, readProject } from './project';
import { checkRewrite } from './safety';
import { type Style, detectStyle } from './style';
import { typesHold } from './types';

export interface RunResult {
  /** the new text, when a fix changed the file */
  output?: string;
  findings: LocatedFinding[];
  /** the file was parsed (it passed the text gates) */
  parsed: boolean;
  /** the file does not parse: why, and where */
  syntaxError?: { message: string; offset: number; line: number; column: number };
  /** when output is set: each applied fix, its site's offset, and its edits on the text after `pass` earlier passes of edits (0: the source) */
  fixes?: AppliedFix[];
}

export interface AppliedFix {
  rule: string;
  site: number;
  pass: number;
  edits: Edit[];
}

/** messages every rule shares: a crash, and a fix that had to wait for another */
export const ENGINE_MESSAGES = {
  crashed: {
    what: 'internal error at this site',
    why: '{error}; the site is left as it was, and the rest of the file was processed',
    fix: 'please report it with this code; meanwhile fix the site by hand or suppress it',
  },
  unparsable: {
    what: 'internal error at this site',
    why: 'the fix would not parse ({error}), so it is not applied',
    fix: 'please report it with this code; meanwhile fix the site by hand',
  },
  unsafe: {
    what: 'file left untouched',
    why: 'its rewrite would change what the program holds as data: {what}',
    fix: 'please report it with this code; meanwhile fix its sites by hand',
  },
  deferred: {
    what: 'fix not applied',
    why: 'it overlaps another fix of this file and could not be applied after it',
    fix: 'run the codemod again on this file',
  },
} as const;

const MAX_PASSES = 4;

interface Pass {
  /** edits applied in this pass, on the text the pass started from */
  edits: Edit[];
}

export interface RunOptions {
  [key: string]: unknown;
}

function messageOf(rule: AnyRule | undefined, messageId: string) {
  // the rule's own table first, then the engine's (no merged copy per finding: a file may have 30,000)
  const message = ((rule?.messages as Record<string, Message> | undefined)?.[messageId] ?? (ENGINE_MESSAGES as Record<string, Message>)[messageId]) as Message | undefined;
  if (!message) throw new Error(`rule ${rule?.name}: no message '${messageId}'`);
  return message;
}

export function runRules(rules: readonly AnyRule[], path: string, source: string, options: RunOptions = {}): RunResult {
  // a file whose helper is to be made cancellable runs race-timeout whatever its text holds
  const upgraded = upgradesOf(options).some((upgrade) => normalize(upgrade.file) === normalize(path));
  const forced = (rule: AnyRule) => upgraded && rule.name === 'race-timeout';
  const active = rules.filter((rule) => forced(rule) || rule.mayApply(source));
  if (active.length === 0 || (!upgraded && !textMayHold(source, active.flatMap((rule) => rule.calls)))) return { findings: [], parsed: false };

  const original = new SourceText(source);
  let file: any;
  try {
    file = parseSource(path, source);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const position = original.positionAt(error.offset);
    return { findings: [], parsed: true, syntaxError: { message: error.message, offset: error.offset, ...position } };
  }
  const matched = matchCalls(file, active.map((rule) => rule.calls));
  const running = active.filter((rule, index) => matched[index] || forced(rule));
  if (running.length === 0) return { findings: [], parsed: true };

  // helpers to make cancellable (./model/upgrade.ts): this file's go first, as a pass of their own;
  // the others are read as made so by the index
  const upgrades = upgradesOf(options);
  // the repository's other files, read from disk unless the caller shares an index of its own
  const modules = ((options as Record<symbol, unknown>)[MODULE_INDEX] as ModuleIndex | undefined) ?? moduleIndexFor(options, upgrades);
  const byName = new Map(running.map((rule) => [rule.name, rule]));
  const kinds = new Set<SiteKind>(running.flatMap((rule) => rule.kinds as SiteKind[]));
  const findings: Finding[] = [];
  const reported = new Set<number>();
  const passes: Pass[] = [];
  const applied: AppliedFix[] = [];
  /** ranges of the original that fixes remove on purpose */
  const dropped: Array<[number, number]> = [];
  let text = source;
  let style: Style | undefined;
  let project: Project | undefined;

  // an offset of the current text, in the original text (insertions map to where they were made)
  const toOriginal = (offset: number): number => {
    let at = offset;
    for (let index = passes.length - 1; index >= 0; index -= 1) at = mapBack(passes[index].edits, at);
    return at;
  };

  const originalFile = file;
  // the file where the disk has it, for the configs around it (the run's paths may be relative to another directory)
  const onDisk = typeof options[MODULE_BASE] === 'string' ? resolve(options[MODULE_BASE] as string, path) : path;
  // the original's style, read once, by the fixes and by the passes over their output
  const styleOf = (): Style => (style ??= detectStyle(originalFile.program, source, onDisk));
  const own = byName.has('race-timeout') ? upgrades.filter((upgrade) => normalize(upgrade.file) === normalize(path)).map((upgrade) => upgrade.at) : [];
  if (own.length > 0) {
    const { edits, made } = upgradesIn(new Facts(path, text, file, modules), own);
    const next = edits.length > 0 ? applyEdits(text, edits) : text;
    if (next !== text && parses(path, next)) {
      for (const plan of made) findings.push(locate('race-timeout', 'fixedHelperCancellable', 'fixed', { name: helperName(plan.home, plan.fn) }, plan.fn, plan.fn, (offset) => offset));
      passes.push({ edits });
      text = next;
      file = parseSource(path, text);
    }
  }

  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    if (pass > 0) {
      try {
        file = parseSource(path, text);
      } catch {
        break;
      }
    }
    const facts = new Facts(path, text, file, modules);
    const crashes: Array<{ node: any; error: unknown; kind: string }> = [];
    const sites = findSites(facts, kinds, (node, error, kind) => crashes.push({ node, error, kind }));
    for (const crash of crashes) {
      const origin = toOriginal(crash.node.start);
      if (reported.has(origin)) continue;
      reported.add(origin);
      const owner = running.find((rule) => (rule.kinds as string[]).includes(crash.kind));
      findings.push(locate(owner?.name ?? running[0].name, 'crashed', 'crashed', { error: describe(crash.error) }, crash.node, crash.node, toOriginal));
    }
    const context: RuleContext = { facts, options };
    const names = new Names(facts);
    const fixContext: FixContext = { ...context, names, style: styleOf, project: () => (project ??= readProject(onDisk)) };
    const accepted: Array<{ site: Site; rule: AnyRule; edits: Edit[]; remarks: Remark[]; messageId: string; data: Record<string, string> }> = [];
    let deferred = 0;
    const spans = new AcceptedSpans();

    for (const site of sites) {
      const rule = byName.get(ownerOf(site));
      if (!rule) continue;
      const origin = toOriginal(site.node.start);
      if (reported.has(origin)) continue;
      let verdict;
      try {
        verdict = rule.analyze(site, context);
      } catch (error) {
        reported.add(origin);
        findings.push(locate(rule.name, 'crashed', 'crashed', { error: describe(error) }, site.node, site.node, toOriginal));
        continue;
      }
      if (verdict === undefined) continue;
      if (verdict.status !== 'fixable') {
        reported.add(origin);
        // a helper of this file to make cancellable: named by its offset in the original
        if (verdict.data?.[UPGRADE_FILE] === path) verdict = { ...verdict, data: { ...verdict.data, [UPGRADE_AT]: String(toOriginal(Number(verdict.data[UPGRADE_AT]))) } };
        findings.push(locate(rule.name, verdict.messageId, verdict.status, verdict.data ?? {}, verdict.at ?? site.node, site.node, toOriginal));
        continue;
      }
      let edits: Edit[];
      try {
        edits = rule.fix(verdict.plan, fixContext);
      } catch (error) {
        reported.add(origin);
        findings.push(locate(rule.name, 'crashed', 'crashed', { error: describe(error) }, site.node, site.node, toOriginal));
        continue;
      }
      const span = spanOf(edits);
      if (spans.meets(span, edits)) {
        deferred += 1;
        if (pass === MAX_PASSES - 1) {
          reported.add(origin);
          findings.push(locate(rule.name, 'deferred', 'refused', {}, site.node, site.node, toOriginal));
        }
        continue;
      }
      // a fix whose output must type-check as its input did: checked alone, against this pass's text
      if (verdict.verifyTypes) {
        const holds = typesHold(path, text, applyEdits(text, edits));
        if (holds === false || (holds === undefined && verdict.verifyTypes.required)) {
          reported.add(origin);
          const refusal = verdict.verifyTypes.refusal;
          findings.push(locate(rule.name, refusal.messageId, refusal.status, refusal.data ?? {}, refusal.at ?? site.node, site.node, toOriginal));
          continue;
        }
      }
      spans.add(span, edits);
      accepted.push({ site, rule, edits, remarks: verdict.remarks ?? [], messageId: verdict.messageId ?? 'fixed', data: verdict.data ?? {} });
    }

    // A fix whose text does not parse is our mistake: it is dropped, and the others stay.
    let kept = accepted;
    let next = kept.length > 0 ? applyEdits(text, kept.flatMap((fix) => fix.edits)) : text;
    if (kept.length > 0 && !parses(path, next)) {
      kept = accepted.filter((fix) => {
        const alone = applyEdits(text, fix.edits);
        if (parses(path, alone)) return true;
        const origin = toOriginal(fix.site.node.start);
        reported.add(origin);
        findings.push(locate(fix.rule.name, 'unparsable', 'crashed', { error: parseError(path, alone) }, fix.site.node, fix.site.node, toOriginal));
        return false;
      });
      next = applyEdits(text, kept.flatMap((fix) => fix.edits));
      if (!parses(path, next)) {
        kept = [];
        next = text;
      }
    }
    for (const edit of kept.flatMap((fix) => fix.edits)) if (edit.drop) dropped.push([toOriginal(edit.start), toOriginal(edit.end)]);
    for (const fix of kept) {
      applied.push({ rule: fix.rule.name, site: toOriginal(fix.site.node.start), pass: passes.length, edits: fix.edits });
      reported.add(toOriginal(fix.site.node.start));
      findings.push(locate(fix.rule.name, fix.messageId, 'fixed', fix.data, fix.site.node, fix.site.node, toOriginal));
      for (const remark of fix.remarks) findings.push(locate(fix.rule.name, remark.messageId, remark.status, remark.data ?? {}, remark.at ?? fix.site.node, fix.site.node, toOriginal));
    }
    if (kept.length === 0) break;
    passes.push({ edits: kept.flatMap((fix) => fix.edits) });
    text = next;
    if (deferred === 0) break;
  }
  // an import the fixes left unused (a helper inlined at its only call) goes, as a person would remove it
  // (only a file with imports or requires can orphan one: the others are spared two more parses and models)
  if (text !== source && originalFile.program.body.some((statement: any) => statement.type === 'ImportDeclaration' || (statement.type === 'VariableDeclaration' && /\brequire\(/.test(source.slice(statement.start, statement.end))))) text = withoutOrphanedImports(path, source, text, styleOf(), dropped, modules);
  // a new line too long for the file's width, where it is a call assigned, broken as Prettier breaks it
  if (text !== source) text = fitNewLines(path, source, text, styleOf());
  // the safety net: what the original holds as data is in the output, or the file is left as it was
  if (text !== source) {
    const problem = checkRewrite(path, source, text, dropped);
    if (problem) {
      for (let index = findings.length - 1; index >= 0; index -= 1) if (findings[index].status === 'fixed') findings.splice(index, 1);
      findings.push(locate(running[0].name, 'unsafe', 'crashed', { what: problem.what }, { start: problem.offset, end: problem.offset }, { start: problem.offset, end: problem.offset }, (offset) => offset));
      text = source;
    }
  }

  // a race of this file waiting on a helper of this file: run again with the helper made cancellable
  // (one its file exports may have callers elsewhere: only a run over the repository, the CLI's, reads them)
  const requested = findings.filter((finding) => finding.data[UPGRADE_FILE] === path && finding.data[UPGRADE_EXPORTED] === undefined && !own.includes(Number(finding.data[UPGRADE_AT])));
  if (requested.length > 0 && !own.some((at) => requested.some((finding) => Number(finding.data[UPGRADE_AT]) === at))) {
    const more = [...new Set(requested.map((finding) => Number(finding.data[UPGRADE_AT])))].map((at) => ({ file: path, at }));
    const again = runRules(rules, path, source, { ...options, [HELPER_UPGRADES]: [...upgrades, ...more] });
    if (again.findings.some((finding) => finding.messageId === 'fixedHelperCancellable')) return again;
    // the change did not hold (it would not parse, or the safety net refused it): said as such,
    // not as a change some other run could make
    for (const finding of requested) {
      finding.messageId = 'helperShape';
      finding.data = { ...finding.data, reason: `${finding.data.reason}; nor could it be given a signal here: the change did not pass this file's checks` };
      delete finding.data[UPGRADE_FILE];
      delete finding.data[UPGRADE_AT];
    }
  }

  const located = findings
    .map((finding) => {
      const rule = byName.get(finding.rule);
      return { ...finding, path, position: original.positionAt(finding.start), message: fillMessage(messageOf(rule, finding.messageId), finding.data) };
    })
    .sort((a, b) => a.start - b.start || a.site.start - b.site.start);
  return text === source ? { findings: located, parsed: true } : { output: text, findings: located, parsed: true, fixes: applied };
}

// Imports used by the original and by nothing in the fixed text: their specifiers (or declarations) go.
function withoutOrphanedImports(path: string, source: string, text: string, style: Style, dropped: Array<[number, number]>, modules: ModuleIndex): string {
  let before: Facts;
  let after: Facts;
  try {
    before = new Facts(path, source, parseSource(path, source));
    after = new Facts(path, text, parseSource(path, text));
  } catch {
    return text;
  }
  const usedBefore = new Map<string, any>();
  for (const statement of before.tree.program.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const id of requiredNames(before, statement)) if ((before.scopes.bindingOf(id)?.references.length ?? 0) > 0) usedBefore.set(id.name, statement);
    }
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) if ((before.scopes.bindingOf(specifier.local)?.references.length ?? 0) > 0) usedBefore.set(specifier.local.name, statement);
  }
  const edits: Edit[] = [];
  const orphans: string[] = [];
  const layout = { text: after.source, tree: after.tree, style };
  // `typeof delay` in a type: a use the scopes (values only) do not count
  const typeQueried = new Set<string>();
  for (const query of after.tree.ofType('TSTypeQuery')) {
    let name = query.exprName;
    while (name?.type === 'TSQualifiedName') name = name.left;
    if (name?.type === 'Identifier') typeQueried.add(name.name);
  }
  // `/** @type {typeof delay} */`: a JSDoc type names it too (checkJs reads it)
  const jsdoc = (after.file.comments ?? []).filter((comment: any) => comment.type === 'CommentBlock' && comment.value.startsWith('*')).map((comment: any) => comment.value).join('\n');
  for (const statement of after.tree.program.body) {
    // `/** @type {typeof delay} */` of a required `delay` as well
    if (statement.type === 'VariableDeclaration') {
      for (const id of requiredNames(after, statement)) if (new RegExp(`(?<![\\w$])${id.name.replace(/\$/g, '\\$')}(?![\\w$])`).test(jsdoc)) typeQueried.add(id.name);
    }
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) if (new RegExp(`(?<![\\w$])${specifier.local.name.replace(/\$/g, '\\$')}(?![\\w$])`).test(jsdoc)) typeQueried.add(specifier.local.name);
  }
  for (const statement of after.tree.program.body) {
    // `const delay = require('./delay')`, `const { delay } = require('./time')`: the whole
    // declaration goes, or becomes `require('./delay');` where the module does more than declare
    const required = statement.type === 'VariableDeclaration' ? requiredNames(after, statement) : [];
    if (required.length > 0 && required.every((id) => usedBefore.has(id.name) && (after.scopes.bindingOf(id)?.references.length ?? 1) === 0 && !typeQueried.has(id.name))) {
      const call = unwrap(statement.declarations[0].init);
      const source = String((call.type === 'MemberExpression' ? unwrap(call.object) : call).arguments[0].value);
      orphans.push(...required.map((id) => id.name));
      // (`require('./x')`, not `require('./x').delay`: a read of a property is an expression of no use)
      const requireCall = call.type === 'MemberExpression' ? unwrap(call.object) : call;
      if (moduleOnlyDeclares(modules, path, source, 0, true)) edits.push(deleteStatement(layout, statement));
      else edits.push(replaceRange(statement.start, statement.end, `${after.source.text.slice(requireCall.start, requireCall.end)}${after.source.text.slice(statement.end - 1, statement.end) === ';' ? ';' : ''}`));
      continue;
    }
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    const orphaned = statement.specifiers.filter((specifier: any) => usedBefore.has(specifier.local.name) && specifier.importKind !== 'type' && !typeQueried.has(specifier.local.name) && (after.scopes.bindingOf(specifier.local)?.references.length ?? 1) === 0);
    if (orphaned.length === 0) continue;
    orphans.push(...orphaned.map((specifier: any) => specifier.local.name));
    if (orphaned.length === statement.specifiers.length) {
      // the module ran when imported: where it may do more than declare, it is still imported for that
      if (moduleOnlyDeclares(modules, path, String(statement.source.value))) edits.push(deleteStatement(layout, statement));
      else edits.push(sideEffectImport(after, statement));
      continue;
    }
    for (const specifier of orphaned) {
      const index = statement.specifiers.indexOf(specifier);
      const next = statement.specifiers[index + 1];
      const previous = statement.specifiers[index - 1];
      // `{ a, delay }` → `{ a }`; `{ delay, b }` → `{ b }`; `x, { delay }` → `x`
      // (a removal that would break the braces is caught below: the import then stays as it is)
      if (next) edits.push(replaceRange(specifier.start, next.start, ''));
      else if (previous) edits.push(replaceRange(previous.end, specifier.end, ''));
    }
  }
  if (edits.length === 0) return text;
  try {
    const cleaned = applyEdits(text, edits);
    parseSource(path, cleaned);
    // the imports are the original's own statements: what goes is dropped on purpose
    for (const statement of new Set(orphans.map((name) => usedBefore.get(name)))) dropped.push([statement.start, statement.end]);
    return cleaned;
  } catch {
    return text;
  }
}

// the names a top-level `const x = require('./x')` (one declarator: `x`, `{ a, b: c }`, or
// `require('./x').a`, of the global require and a relative module) declares, or none
function requiredNames(facts: Facts, statement: any): any[] {
  if (statement.declarations.length !== 1) return [];
  const [declarator] = statement.declarations;
  const init = unwrap(declarator.init);
  const call = init?.type === 'MemberExpression' ? unwrap(init.object) : init;
  const source = call ? requiredModule(facts.scopes, call) : undefined;
  if (source === undefined || !(source.startsWith('./') || source.startsWith('../'))) return [];
  if (declarator.id.type === 'Identifier') return [declarator.id];
  if (declarator.id.type !== 'ObjectPattern' || init !== call) return [];
  const ids = declarator.id.properties.map((property: any) => (property.type !== 'RestElement' && !property.computed && property.value?.type === 'Identifier' ? property.value : undefined));
  return ids.every(Boolean) ? ids : [];
}

// `import { delay } from './delay.js'` → `import './delay.js'`: the module still runs, and nothing is imported
function sideEffectImport(facts: Facts, statement: any): Edit {
  const text = facts.source.text;
  const head = text.slice(statement.start, statement.source.start);
  const from = head.lastIndexOf('from');
  return replaceRange(statement.start + 'import'.length, from === -1 ? statement.source.start : statement.start + from + 'from'.length, '');
}

// A module (`specifier`, imported from `from`) whose top level only declares, so that importing it
// runs nothing of its own: functions, classes without static code, computed keys or a superclass
// that runs code, consts of functions or values that run no code, types; and imports with names,
// of packages or of modules of the repository that only declare in turn (a bare `import './x'`
// runs `x`). Undefined modules (not found) count as running code.
function moduleOnlyDeclares(modules: ModuleIndex, from: string, specifier: string, depth = 0, required = false): boolean {
  const resolved = required ? modules.resolveRequire(from, specifier) : modules.resolve(from, specifier);
  // a package the module imports may run code as it loads (a polyfill, a registration): kept
  if (resolved === undefined) return false;
  const home = modules.facts(resolved);
  if (!home || depth > 3) return false;
  const imported = (source: any) => moduleOnlyDeclares(modules, resolved, String(source.value), depth + 1);
  const quietClass = (node: any) =>
    !node.decorators?.length &&
    (!node.superClass || unwrap(node.superClass)?.type === 'Identifier') &&
    node.body.body.every((member: any) => member.type !== 'StaticBlock' && !member.computed && !member.decorators?.length && (!member.static || member.type === 'ClassMethod' || member.type === 'ClassPrivateMethod' || member.type === 'TSDeclareMethod'));
  // a value made without running code: a literal, a name, a function, a quiet class, an object or
  // array of those; not `new Registry()` (its constructor runs), not `Config.instance` (a getter may)
  const declaresOnly = (value: any): boolean => {
    const node = unwrap(value);
    if (!node) return true;
    if (isFunction(node) || node.type === 'Identifier' || /Literal$/.test(node.type) && node.type !== 'TemplateLiteral') return true;
    if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
    if (node.type === 'ClassExpression') return quietClass(node);
    if (node.type === 'UnaryExpression' && (node.operator === '-' || node.operator === '!' || node.operator === 'void')) return /Literal$/.test(unwrap(node.argument)?.type ?? '');
    if (node.type === 'ArrayExpression') return node.elements.every((element: any) => element === null || (element.type !== 'SpreadElement' && declaresOnly(element)));
    if (node.type === 'ObjectExpression') return node.properties.every((property: any) => property.type !== 'SpreadElement' && !property.computed && (property.type === 'ObjectMethod' ? property.kind === 'method' : declaresOnly(property.value)));
    return false;
  };
  const quiet = (node: any): boolean => {
    if (!node) return true;
    switch (node.type) {
      case 'ImportDeclaration':
        return node.importKind === 'type' || (node.specifiers.length > 0 && (node.specifiers.every((specifier: any) => specifier.importKind === 'type') || imported(node.source)));
      case 'ExportAllDeclaration':
        return node.exportKind === 'type' || imported(node.source);
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'EmptyStatement':
        return true;
      case 'TSModuleDeclaration':
        return node.declare === true;
      case 'ClassDeclaration':
        return quietClass(node);
      case 'VariableDeclaration':
        return node.declarations.every((declarator: any) => !declarator.init || declaresOnly(declarator.init));
      case 'ExportNamedDeclaration':
        return (!node.source || node.exportKind === 'type' || imported(node.source)) && quiet(node.declaration);
      case 'ExportDefaultDeclaration':
        return isFunction(node.declaration) || node.declaration.type === 'Identifier' || quiet(node.declaration);
      case 'ExpressionStatement':
        return commonJsExport(node.expression);
      default:
        return false;
    }
  };
  // `module.exports = delay`, `exports.delay = (ms) => …`, `module.exports = { delay }`: declares,
  // where each name is one of the module's own declared above it (a global may not exist; a `const`
  // below would throw), or a function declaration
  const declaredAbove = (id: any, at: number) => {
    const binding = home.scopes.bindingOf(id);
    return binding !== undefined && (binding.kind === 'function' || (binding.declaration !== undefined && binding.declaration.end <= at));
  };
  const exported = (value: any, at: number): boolean => {
    const node = unwrap(value);
    if (isFunction(node)) return true;
    if (node?.type === 'Identifier') return declaredAbove(node, at);
    return node?.type === 'ObjectExpression' && node.properties.every((property: any) => property.type !== 'SpreadElement' && !property.computed && (property.type === 'ObjectMethod' ? property.kind === 'method' : exported(property.value, at)));
  };
  const commonJsExport = (expression: any): boolean => {
    if (expression?.type !== 'AssignmentExpression' || expression.operator !== '=' || expression.left.type !== 'MemberExpression' || expression.left.computed || !exported(expression.right, expression.start)) return false;
    const target = expression.left;
    const object = unwrap(target.object);
    if (object?.type === 'Identifier') return (object.name === 'exports' || (object.name === 'module' && target.property.name === 'exports')) && home.scopes.isGlobalReference(object);
    return object?.type === 'MemberExpression' && !object.computed && object.property.name === 'exports' && unwrap(object.object)?.type === 'Identifier' && unwrap(object.object).name === 'module' && home.scopes.isGlobalReference(unwrap(object.object));
  };
  return home.tree.program.body.every(quiet);
}

function moduleIndexFor(options: RunOptions, upgrades: ReturnType<typeof upgradesOf>): ModuleIndex {
  const base = options[MODULE_BASE];
  return typeof base === 'string' ? new ModuleIndex(diskHostAt(base), upgrades, base) : new ModuleIndex(diskHost, upgrades);
}

function helperName(facts: Facts, fn: any): string {
  const parent = facts.tree.parent(fn);
  return fn.id?.name ?? (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : 'the helper');
}

function locate(rule: string, messageId: string, status: Status, data: Record<string, string>, at: any, site: any, toOriginal: (offset: number) => number): Finding {
  const start = toOriginal(typeof at?.start === 'number' ? at.start : site.start);
  const end = toOriginal(typeof at?.end === 'number' ? at.end : site.end);
  return { rule, messageId, status, data, start, end, site: { start: toOriginal(site.start), end: toOriginal(site.end) } };
}

// An offset after `edits` were applied, mapped to the text before them.
function mapBack(edits: readonly Edit[], offset: number): number {
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of ordered) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}

// The fixes accepted in a pass, by where their edits start and end: two fixes can overlap only where
// their spans meet, and only the spans that start at most the longest span's length before another
// can reach it. (A file of 15,000 fixes checked each against every other.)
class AcceptedSpans {
  private readonly sorted: Array<{ span: [number, number]; edits: readonly Edit[] }> = [];
  private longest = 0;

  meets(span: [number, number], edits: readonly Edit[]): boolean {
    for (let at = this.firstStartingAfter(span[1]) - 1; at >= 0 && this.sorted[at].span[0] >= span[0] - this.longest; at -= 1) {
      const other = this.sorted[at];
      if (other.span[1] >= span[0] && overlaps(other.edits, edits)) return true;
    }
    return false;
  }

  add(span: [number, number], edits: readonly Edit[]): void {
    this.sorted.splice(this.firstStartingAfter(span[0]), 0, { span, edits });
    this.longest = Math.max(this.longest, span[1] - span[0]);
  }

  private firstStartingAfter(offset: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle].span[0] <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function spanOf(edits: readonly Edit[]): [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return [start, end];
}

function parses(path: string, text: string): boolean {
  try {
    parseSource(path, text);
    return true;
  } catch {
    return false;
  }
}

function parseError(path: string, text: string): string {
  try {
    parseSource(path, text);
    return 'unknown';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
