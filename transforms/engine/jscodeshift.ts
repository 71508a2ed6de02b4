// A jscodeshift transform from rules: `npx jscodeshift -t transforms/<rule>.ts` runs them through
// the same runRules as the CLI. The parser jscodeshift was asked for is not used: each file is
// read with the grammar its extension calls for (./parse.ts). Every finding but a fix goes to
// `api.report` as one line; the diff shows the fixes.
import { type LocatedFinding, renderFinding } from './finding';
import type { AnyRule } from './rule';
import { type RunResult, runRules } from './run';

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
    const result = runRules(rules, file.path, file.source, options as Record<string, unknown>);
    const listener = (options as Record<symbol, unknown>)[RESULT_LISTENER];
    if (typeof listener === 'function') (listener as ResultListener)(result);
    const report = typeof api?.report === 'function' ? api.report : undefined;
    if (result.syntaxError) {
      report?.(`${file.path}:${result.syntaxError.line}:${result.syntaxError.column}: file does not parse — ${result.syntaxError.message}; left untouched — fix the syntax error, or exclude the file from the run`);
    }
    for (const finding of result.findings) if (finding.status !== 'fixed') report?.(reportLine(finding));
    return result.output;
  };
}
