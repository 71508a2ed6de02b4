// watchdog-timeout: a timer that bounds or reports slow work, cleared by a statement after the awaited
// work: a rejection of that work skips the clear. Fixable by moving the clear into a finally around
// the statements between, when the timer's callback only reports (a throw of an Error, a log line):
// skipping a report of work that has already failed changes nothing else. A timer that stops the work
// (`child.kill()`, `socket.destroy()`) may be what ends it when it fails: reported, not changed.
import { isLoop, unwrap } from '../../analysis/tree';
import type { RuleContext, Verdict } from '../../engine/rule';
import { isEffectFree } from '../../model/effects';
import type { Facts } from '../../model/facts';
import { readFromOutside, walkOwn } from '../../model/paths';
import { callbackEffects } from '../../model/timer';
import { isPlainError, isReportEffect } from '../../model/reports';
import { detectStyle, lineWidth } from '../../engine/style';
import { type Layout, leadingCommentsStart } from '../../edit/layout';
import type { WatchdogSite } from '../../model/watchdog';
import type { MessageId } from './messages';

export interface WatchdogPlan {
  site: WatchdogSite;
  /** the statements between the timer and its clear: the try block */
  region: any[];
  /** `clearTimeout(t);`, which moves into the finally with the comment lines above it */
  clearStatement: any;
  /** the comments between the last statement's line and the clear: they move with it */
  comments: any[];
}

type Result = Verdict<WatchdogPlan>;

export function analyzeWatchdog(site: WatchdogSite, { facts }: RuleContext): Result | undefined {
  const text = facts.source;
  if (site.clearedInFinally) return { status: 'safe', messageId: 'alreadyCleared', at: site.node, data: { name: site.handle.name } };
  const region = site.list.slice(site.index + 1, site.clearIndex);
  const clearStatement = site.list[site.clearIndex];
  const data = { name: site.handle.name, work: facts.code(site.uncaught[0], 60) };
  // a call is taken to be work that may fail, but this cannot see that it can: what is not fixed is a warning
  const refuse = (messageId: MessageId, at: any, extra: Record<string, string> = {}): Result => ({ status: 'unknown', messageId, at, data: { ...data, ...extra } });
  // each await is of a promise made elsewhere, which may only ever fulfil: said, not changed
  if (site.rejection === 'unknown') return { status: 'unknown', messageId: 'rejectionUnknown', at: site.node, data };
  const stops = stoppingEffect(facts, site);
  if (stops) return refuse('timerStopsWork', site.node, { effect: facts.code(stops, 60) });
  // a `return`, `break` or `continue` that leaves the statements between: on that path the work has
  // not failed, and the timer, armed until it fires, may be meant to report it
  const early = leavesEarly(facts, region);
  if (early) return refuse('leavesEarly', early, { exit: facts.code(early, 40) });
  const scoped = region.find(changesScopeInBlock);
  if (scoped) return refuse('functionInRegion', scoped, { declaration: facts.code(scoped, 40) });
  const outsider = readFromOutside(facts, region);
  if (outsider) return refuse(outsider.node.start > clearStatement.start ? 'declaredForCodeBelow' : 'declaredForCodeAbove', outsider.node, { declared: outsider.name });
  // each on lines of its own, but for a comment after it on its last line
  const comments: any[] = (facts.file.comments ?? []).filter((comment: any) => comment.start >= site.statement.end && comment.end <= text.lineEndOf(clearStatement.end));
  // what follows a statement on its line, comments aside (one that runs on past the line ends it:
  // the layout check below refuses a comment over lines)
  const restOfLine = (end: number) => {
    let at = end;
    for (;;) {
      const lineEnd = text.lineEndOf(at);
      const trailing = comments.find((comment) => comment.start >= at && comment.start < lineEnd && text.text.slice(at, comment.start).trim() === '');
      if (!trailing) return text.text.slice(at, lineEnd).trim();
      if (trailing.end > lineEnd) return '';
      at = trailing.end;
    }
  };
  const onOwnLines = (node: any) => text.startsLine(node.start) && restOfLine(node.end) === '';
  if (![site.statement, ...region, clearStatement].every(onOwnLines)) return refuse('sharedLine', region[0] ?? clearStatement);
  // what is moved as it is must stay what it was: a block comment over lines, re-indented, would not
  const layout = layoutProblem(facts, site, region, clearStatement, comments);
  if (layout) return refuse('layout', layout.at, { detail: layout.detail });
  // `clearTimeout(bomb, log(term))`: moved into the finally, its arguments would run when the work fails too
  const clearCall = clearStatement.type === 'ExpressionStatement' ? clearStatement.expression : undefined;
  if (clearCall?.type === 'CallExpression' && !clearCall.arguments.every(isEffectFree)) return refuse('layout', clearStatement, { detail: 'the clear passes arguments that run code, which in a finally would run when the work fails too' });
  // the comments between the last statement's line and the clear go into the finally with it
  const lastLineEnd = text.lineEndOf(region[region.length - 1].end);
  const moved = comments.filter((comment) => comment.start > lastLineEnd && comment.end <= clearStatement.start);
  return { status: 'fixable', plan: { site, region, clearStatement, comments: moved }, data };
}

function layoutProblem(facts: Facts, site: WatchdogSite, region: any[], clearStatement: any, comments: any[]): { at: any; detail: string } | undefined {
  const text = facts.source;
  const lineOf = (offset: number) => text.positionAt(offset).line;
  const block = [...comments, ...(facts.file.comments ?? []).filter((comment: any) => comment.start >= clearStatement.end && comment.start < text.lineEndOf(clearStatement.end))].find((comment) => comment.type === 'CommentBlock' && lineOf(comment.start) !== lineOf(comment.end));
  if (block) return { at: block, detail: 'a block comment over several lines stands between the timer and its clear, and moving it would change its text' };
  if (lineOf(clearStatement.start) !== lineOf(clearStatement.end)) return { at: clearStatement, detail: 'the clear is written over several lines' };
  // the try block starts above the comment lines of the first statement: each must be a comment
  const layout: Layout = { text, tree: facts.tree, style: detectStyle(facts.file.program, facts.text, facts.path) };
  const from = leadingCommentsStart(layout, region[0]);
  for (let at = from; at < text.lineStartOf(region[0].start); at = text.lineEndOf(at) + 1) {
    const line = facts.text.slice(at, text.lineEndOf(at));
    const start = at + line.length - line.trimStart().length;
    if (line.trim() !== '' && !comments.some((comment) => comment.start <= start && comment.end > start)) return { at: region[0], detail: 'a line above the first statement between looks like a comment but is not one' };
  }
  // one indent more must keep each line within the print width it kept
  const style = layout.style;
  const width = (line: string) => lineWidth(style, line);
  const unit = width(style.indent);
  const lines = [...facts.text.slice(from, text.lineEndOf(region[region.length - 1].end)).split(/\r\n|\n|\r/), facts.text.slice(text.lineStartOf(clearStatement.start), text.lineEndOf(clearStatement.end))];
  const long = lines.find((line) => line.trim() !== '' && width(line) <= style.printWidth && width(line) + unit > style.printWidth);
  if (long) return { at: region[0], detail: `a line between would pass the print width (${style.printWidth}) once indented` };
  return undefined;
}

// The first thing the timer's callback does that is not a report, or undefined when it only reports:
// `throw new Error(…)`, or a log line: a method of the global `console`, or of a logger
// (`logger.warn(…)`, `this.log.info(…)`, `this._logger.debug(…)`: a name that says so), with arguments
// that cost nothing. A flag it sets may be read by work still running (a crawl that stops when it
// is set), and any other call may stop or tell something: neither is a report here.
function stoppingEffect(facts: Facts, site: WatchdogSite): any | undefined {
  const callback = site.timer.callback;
  const effects = callbackEffects(callback);
  if (!effects || site.timer.extraArguments.length > 0) return callback ?? site.node;
  for (const effect of effects) {
    if (isReportEffect(facts, effect)) continue;
    if (effect.kind === 'other') {
      if (effect.node.type === 'ThrowStatement' && isPlainError(facts, effect.node.argument)) continue;
      return effect.node;
    }
    return effect.kind === 'call' ? effect.call : effect.assignment;
  }
  return undefined;
}

// the first `return`, `break` or `continue` of the statements that can take control out of them
function leavesEarly(facts: Facts, region: any[]): any | undefined {
  const inside = (node: any, ancestor: any) => facts.tree.isInside(node, ancestor);
  for (const statement of region) {
    let found: any;
    walkOwn(statement, (node) => {
      if (found) return;
      // a `throw` fails the work, as a rejection does: the clear belongs there too
      if (node.type === 'ReturnStatement') found = node;
      else if (node.type === 'BreakStatement' || node.type === 'ContinueStatement') {
        // a loop or switch (or the label) it leaves is inside the statements: it stays in them
        const target = node.label ? [...facts.tree.ancestors(node)].find((ancestor: any) => ancestor.type === 'LabeledStatement' && ancestor.label.name === node.label.name) : [...facts.tree.ancestors(node)].find((ancestor: any) => isLoop(ancestor) || (node.type === 'BreakStatement' && ancestor.type === 'SwitchStatement'));
        if (!target || !region.some((candidate) => candidate === target || inside(target, candidate))) found = node;
      }
    });
    if (found) return found;
  }
  return undefined;
}

// declarations a try block would change: a function declaration (block-scoped there), a TypeScript
// type, interface, enum or namespace (no longer seen after the block), a `using` (disposed when the
// block ends, not the function)
function changesScopeInBlock(statement: any): boolean {
  if (['FunctionDeclaration', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration', 'TSDeclareFunction'].includes(statement.type)) return true;
  return statement.type === 'VariableDeclaration' && (statement.kind === 'using' || statement.kind === 'await using');
}
