import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { cheapParse } from './candidates';
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
   * on a plain @babel/parser tree (through `!`, `as` and parentheses); a file with none is finished
   * there, and on the others only the transforms whose calls occur run on that tree. Without it,
   * every file that passes mayApply goes to recast. A pattern must never be narrower than the
   * transform: test/codemod.test.ts runs every fixture with and without `exact`, and
   * `npm run test:corpus` every file of the corpus.
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

// What a caller may learn of a run beyond its output (the CLI's summary and per-transform counts):
// put an observer under this key of `options`. Under plain jscodeshift nothing listens.
export const RUN_OBSERVER = Symbol.for('forgotten-sender.run-observer');

export interface RunObserver {
  /** the file was parsed: by @babel/parser alone ('plain'), or by recast */
  parsed?(how: 'plain' | 'recast'): void;
  /** a report line, with the transform that made it (undefined: the file does not parse) */
  report?(transform: string | undefined, line: string): void;
  changed?(transform: string): void;
  /** the transform threw: the file is left untouched */
  crashed?(transform: string, error: unknown): void;
}

// Parse once, run every codemod that may apply on the same tree, print once. Returns undefined when
// nothing changed, so jscodeshift counts the file as skipped and never rewrites it.
//
// Unless the option `exact` is set (`--exact`, or `--exact=true` under jscodeshift), recast is put
// off until a transform changes something. The plain parse of ./candidates.ts drops a file where no codemod's
// `calls` occur; on the plain @babel/parser tree it returns, the codemods then run as they would on
// recast's, with their reports held back. When none changes the tree, those reports are the file's,
// and recast never parses it; when one would, the tree is dropped and the file runs again on recast.
// Both trees come from the same parser with the same options, and reports quote code from the source
// text (codeOf), so both runs report the same: test/codemod.test.ts and `npm run test:corpus` compare
// every file with and without `exact`.
export function runCodemods(codemods: readonly Codemod[], file: FileInfo, api: API, options: Options): string | undefined {
  const source = file.source;
  const candidates = codemods.filter((codemod) => codemod.mayApply(source));
  if (candidates.length === 0) return undefined;

  const observer = (options as { [RUN_OBSERVER]?: RunObserver })[RUN_OBSERVER];
  const emit = (transform: string | undefined, line: string) => {
    observer?.report?.(transform, line);
    if (typeof api.report === 'function') api.report(line);
  };
  const parser = chooseParser(file.path, source);
  const j = api.jscodeshift.withParser(parser);

  if (options.exact !== true) {
    const cheap = cheapParse(candidates, file.path, source);
    if (cheap.verdict !== 'unused') observer?.parsed?.('plain');
    if (cheap.verdict !== 'maybe') return undefined;
    if (cheap.ast !== undefined) {
      // On the untouched tree a transform whose calls do not occur does nothing, so only the others
      // run here; the recast run below runs them all, as a rewrite may make what another looks for.
      const held = runWithoutChanges(cheap.codemods ?? candidates, j, cheap.ast, file, options, parser);
      if (held !== undefined) {
        for (const [transform, line] of held) emit(transform, line);
        return undefined;
      }
    }
  }

  observer?.parsed?.('recast');
  let root: Collection<unknown>;
  try {
    root = j(source);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    emit(
      undefined,
      formatReport(
        { path: file.path, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 },
        { ...PARSE_FAILURE, why: `${reason}; left untouched` },
      ),
    );
    return undefined;
  }

  let current = '';
  const ctx = createContext(j, root, file, options, parser, (line) => emit(current, line));
  let changed = false;
  for (const codemod of candidates) {
    current = codemod.name;
    try {
      if (codemod.apply(ctx.context)) {
        changed = true;
        observer?.changed?.(codemod.name);
        // the next transform must see this one's rewrites
        ctx.forgetIndex();
      }
    } catch (error) {
      // A half-applied rewrite is worse than none: the whole file is left as it was.
      observer?.crashed?.(codemod.name, error);
      const reason = error instanceof Error ? error.message : String(error);
      emit(codemod.name, formatReport({ path: file.path, line: 1, column: 1 }, { ...TRANSFORM_FAILURE, what: `${codemod.name} failed on this file`, why: `${reason}; left untouched` }));
      return undefined;
    }
  }
  return changed ? printRoot(root, source) : undefined;
}

function createContext(j: JSCodeshift, root: Collection<unknown>, file: FileInfo, options: Options, parser: string, report: (line: string) => void) {
  let index: FindNodes | undefined;
  const context: CodemodContext = {
    j,
    root,
    file,
    options,
    isTypeScript: parser === 'ts' || /\.tsx$/i.test(file.path),
    find: (type, filter) => (index ??= indexNodes(j, root))(type, filter),
    report: (node, message, data) => report(formatReport(siteOf(file.path, node), message, data)),
  };
  return { context, forgetIndex: () => (index = undefined) };
}

// The codemods over the plain tree: their report lines, or undefined as soon as one changes the tree
// or throws (the recast run then decides, and reports, for real). Nothing reaches the observer or
// the fixed-site sink from here.
function runWithoutChanges(
  candidates: readonly Codemod[],
  j: JSCodeshift,
  ast: unknown,
  file: FileInfo,
  options: Options,
  parser: string,
): Array<[string, string]> | undefined {
  const quiet = { ...options } as Record<string | symbol, unknown>;
  delete quiet[FIXED_SITE_SINK];
  delete quiet[RUN_OBSERVER];
  const held: Array<[string, string]> = [];
  let current = '';
  const { context } = createContext(j, j(ast as ASTNode), file, quiet as Options, parser, (line) => held.push([current, line]));
  for (const codemod of candidates) {
    current = codemod.name;
    try {
      if (codemod.apply(context)) return undefined;
    } catch {
      return undefined;
    }
  }
  return held;
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
