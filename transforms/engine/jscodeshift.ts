// A jscodeshift transform from rules: `npx jscodeshift -t transforms/<rule>.ts` runs them through
// the same runRules as the CLI. The parser jscodeshift was asked for is not used: each file is
// read with the grammar its extension calls for (./parse.ts). Every finding but a fix goes to
// `api.report` as one line; the diff shows the fixes. Disable comments (./suppressions.ts) hold here
// as in the CLI; `--report-unused-disable` reports the ones that match nothing.
import { type LocatedFinding, renderFinding } from './finding';
import type { AnyRule } from './rule';
import type { RunResult } from './run';
import { runWithSuppressions } from './suppressions';
import { registry } from '../registry';

export interface FileInfo {
  path: string;
  source: string;
}

export interface Api {
  report?: (message: string) => void;
}

/** a caller that wants the findings as data (the CLI, tests) puts a listener under this key of `options` */
export const RESULT_LISTENER = Symbol.for('forgotten-sender.result-listener');

export type ResultListener = (result: RunResult) => void;

export function reportLine(finding: LocatedFinding): string {
  return renderFinding(finding);
}

export function jscodeshiftTransform(rules: readonly AnyRule[]) {
  return function transform(file: FileInfo, api: Api, options: object = {}): string | undefined {
    // every rule id, so that a comment naming a rule this entry does not run is not called unknown
    const known = registry.map((rule) => rule.name);
    const result = runWithSuppressions(rules, file.path, file.source, options as Record<string, unknown>, known);
    const listener = (options as Record<symbol, unknown>)[RESULT_LISTENER];
    if (typeof listener === 'function') (listener as ResultListener)(result);
    const report = typeof api?.report === 'function' ? api.report : undefined;
    if (result.syntaxError) {
      report?.(`${file.path}:${result.syntaxError.line}:${result.syntaxError.column}: file does not parse — ${result.syntaxError.message}; left untouched — fix the syntax error, or exclude the file from the run`);
    }
    for (const finding of result.findings) if (finding.status !== 'fixed') report?.(reportLine(finding));
    const unusedWanted = (options as Record<string, unknown>)['report-unused-disable'];
    if (unusedWanted === true || unusedWanted === 'true') {
      for (const { directive, line, column, reason } of result.unused) {
        report?.(`${file.path}:${line}:${column}: unused ${directive.keyword} comment — ${reason} — remove it`);
      }
    }
    return result.output;
  };
}
