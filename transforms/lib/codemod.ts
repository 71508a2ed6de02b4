import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { cheapVerdict } from './candidates';
import { chooseParser } from './parser';
import { printRoot } from './print';
import { formatReport, type Message, type Site, siteOf } from './report';
import { type FindNodes, indexNodes } from './walk';
import type { ASTNode } from 'jscodeshift';

// What a transform sees: one parsed file shared by every transform of a run (see transforms/all.ts).
export interface CodemodContext {
  j: JSCodeshift;
  root: Collection<unknown>;
  file: FileInfo;
  options: Options;
  isTypeScript: boolean;
  /**
   * `root.find(type, filter)` over the tree as it stood when this transform began, from one walk
   * shared by every transform until one changes the tree. Use root.find for a search made after
   * this transform's own rewrites.
   */
  find: FindNodes;
  report(node: ASTNode | null | undefined, message: Message, data?: Record<string, string>): void;
}

export interface Codemod {
  /** verb-object name, also the file name under transforms/ */
  name: string;
  /** one sentence for the README and --help */
  summary: string;
  /** cheap text test: a file failing it is never parsed */
  mayApply(source: string): boolean;
  /** rewrites ctx.root in place; returns true when it changed anything */
  apply(ctx: CodemodContext): boolean;
  /**
   * Optional: the calls of which a file must hold at least one for this
   * transform to change or report anything. A name (`'race'`) matches a call or `new` of that name or
   * of a member of that name (`Promise.race(…)`, `x.race(…)`, `race(…)`); `{ callee, inside }` matches
   * such a call only within the arguments of a call or `new` named `inside` (`setTimeout` in
   * `new Promise(…)`); `callsParameter: true` only when its arguments call a parameter of the function
   * it is in (`setTimeout(() => done(err), ms)` in `function f(done) {…}`). runCodemods checks them
   * on a plain @babel/parser tree (through `!`, `as` and parentheses) and parses with recast only the
   * files that have one. Without it, every file that passes mayApply is parsed with recast. A pattern
   * must never be narrower than the transform: test/codemod.test.ts runs every fixture with and
   * without the cheap parse, and `npm run test:corpus` every file of the corpus.
   */
  calls?: readonly CallPattern[];
}

/** see Codemod.calls */
export type CallPattern = string | { readonly callee: string; readonly inside?: string; readonly callsParameter?: boolean };

const PARSE_FAILURE: Message = {
  what: 'file does not parse',
  why: 'left untouched',
  fix: 'fix the syntax error, or exclude the file from the run',
};

const TRANSFORM_FAILURE: Message = {
  what: 'transform failed on this file',
  why: 'left untouched',
  fix: 'please report it with the file, or exclude the file from the run',
};

// Parse once, run every codemod that may apply on the same tree, print once. Before recast, the
// cheap parse of ./candidates.ts drops a file where no codemod's `calls` occur (the option `exact`,
// `--exact` on the command line, turns that off). Returns undefined when nothing changed, so
// jscodeshift counts the file as skipped and never rewrites it.
export function runCodemods(codemods: readonly Codemod[], file: FileInfo, api: API, options: Options): string | undefined {
  const source = file.source;
  const candidates = codemods.filter((codemod) => codemod.mayApply(source));
  if (candidates.length === 0) return undefined;
  if (options.exact !== true && cheapVerdict(candidates, file.path, source) !== 'maybe') return undefined;

  const report = (line: string) => (typeof api.report === 'function' ? api.report(line) : undefined);
  const parser = chooseParser(file.path, source);
  const j = api.jscodeshift.withParser(parser);
  let root: Collection<unknown>;
  try {
    root = j(source);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    report(
      formatReport(
        { path: file.path, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 },
        { ...PARSE_FAILURE, why: `${reason}; left untouched` },
      ),
    );
    return undefined;
  }

  let index: FindNodes | undefined;
  const ctx: CodemodContext = {
    j,
    root,
    file,
    options,
    isTypeScript: parser === 'ts' || /\.tsx$/i.test(file.path),
    find: (type, filter) => (index ??= indexNodes(j, root))(type, filter),
    report: (node, message, data) => report(formatReport(siteOf(file.path, node), message, data)),
  };
  let changed = false;
  for (const codemod of candidates) {
    try {
      if (codemod.apply(ctx)) {
        changed = true;
        // the next transform must see this one's rewrites
        index = undefined;
      }
    } catch (error) {
      // A half-applied rewrite is worse than none: the whole file is left as it was.
      const reason = error instanceof Error ? error.message : String(error);
      report(formatReport({ path: file.path, line: 1, column: 1 }, { ...TRANSFORM_FAILURE, what: `${codemod.name} failed on this file`, why: `${reason}; left untouched` }));
      return undefined;
    }
  }
  return changed ? printRoot(root, source) : undefined;
}

// Optional per-site accounting for the CLI (`forgotten-sender`): a transform may call
// `recordFixedSite(ctx, name, node)` once per site it rewrote. The CLI puts a sink under this key of
// `options`; under plain jscodeshift nothing listens and the call does nothing. A transform that
// never calls it is counted as one fixed site per file it changed.
export const FIXED_SITE_SINK = Symbol.for('forgotten-sender.fixed-site-sink');

export type FixedSiteSink = (transform: string, site: Site, reason: string | undefined) => void;

export function recordFixedSite(ctx: CodemodContext, transform: string, node: ASTNode | null | undefined, reason?: string): void {
  const sink = (ctx.options as { [FIXED_SITE_SINK]?: unknown })[FIXED_SITE_SINK];
  if (typeof sink === 'function') (sink as FixedSiteSink)(transform, siteOf(ctx.file.path, node), reason);
}
