// One parser for every file: @babel/parser, with the grammar the file's extension calls for. Fixes are
// text edits on the source (./edits.ts), so the tree is only read: no tokens, no recast, no reprint.
//   .ts .mts .cts               → typescript      (the tsx grammar would read `<T>x` casts as JSX)
//   .tsx .js .jsx .mjs .cjs     → typescript + jsx (a superset of modern JavaScript)
//   JavaScript with an @flow pragma → flow + jsx
// A `.js`/`.cjs` file that is not a module (`with`, `delete x`, legacy octal) is read as a script.
export type Grammar = 'ts' | 'tsx' | 'flow';

interface BabelParser {
  parse(source: string, options: unknown): any;
}

let babelParser: BabelParser | undefined;

function parser(): BabelParser {
  babelParser ??= require('@babel/parser') as BabelParser;
  return babelParser;
}

const COMMON_PLUGINS: unknown[] = [
  'asyncGenerators',
  'decoratorAutoAccessors',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'doExpressions',
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'functionBind',
  'functionSent',
  'importAttributes',
  'importMeta',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  ['pipelineOperator', { proposal: 'minimal' }],
  'throwExpressions',
];

function optionsFor(grammar: Grammar, sourceType: 'module' | 'script'): unknown {
  const plugins =
    grammar === 'flow'
      ? [['flow', { all: true }], 'flowComments', 'jsx', 'decorators-legacy', ...COMMON_PLUGINS]
      : grammar === 'tsx'
        ? ['jsx', 'typescript', 'decorators-legacy', ...COMMON_PLUGINS]
        : ['typescript', 'decorators-legacy', ...COMMON_PLUGINS];
  return {
    sourceType,
    allowImportExportEverywhere: sourceType === 'module',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: sourceType === 'module',
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    tokens: false,
    attachComment: false,
    plugins,
  };
}

// The leading comments of a file, read with a loop (a regular expression over consecutive block
// comments can backtrack exponentially): does one of them carry the `@flow` pragma?
export function hasFlowPragma(source: string): boolean {
  let at = 0;
  const length = source.length;
  for (;;) {
    while (at < length && /\s/.test(source[at])) at += 1;
    if (source.startsWith('//', at)) {
      const end = source.indexOf('\n', at);
      const text = source.slice(at + 2, end === -1 ? length : end);
      if (/^\s*@flow\b/.test(text)) return true;
      if (end === -1) return false;
      at = end + 1;
    } else if (source.startsWith('/*', at)) {
      const end = source.indexOf('*/', at + 2);
      const text = source.slice(at + 2, end === -1 ? length : end);
      if (/^[\s*]*@flow\b/.test(text)) return true;
      if (end === -1) return false;
      at = end + 2;
    } else {
      return false;
    }
  }
}

export function chooseGrammar(path: string, source: string): Grammar {
  if (/\.(?:c|m)?ts$/i.test(path)) return 'ts';
  if (/\.tsx$/i.test(path)) return 'tsx';
  if (hasFlowPragma(source)) return 'flow';
  return 'tsx';
}

export function isTypeScriptPath(path: string): boolean {
  return /\.(?:c|m)?tsx?$/i.test(path);
}

export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// The File node, or a SyntaxProblem. A JavaScript file that fails as a module is tried as a script,
// which is what Node does with a `.cjs` file (and with a `.js` one outside a "type": "module" package).
export function parseSource(path: string, source: string, grammar: Grammar = chooseGrammar(path, source)): any {
  try {
    return parser().parse(source, optionsFor(grammar, 'module'));
  } catch (moduleError) {
    if (grammar !== 'ts' && !/\.m[jt]sx?$/i.test(path) && !/\.tsx$/i.test(path)) {
      try {
        return parser().parse(source, optionsFor(grammar, 'script'));
      } catch {
        // report the module error: it is the grammar the file was meant for
      }
    }
    throw toSyntaxProblem(moduleError);
  }
}

function toSyntaxProblem(error: unknown): SyntaxProblem | Error {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new SyntaxProblem('too deeply nested to parse (the parser ran out of stack)', 0);
  }
  const pos = (error as { pos?: number }).pos;
  if (error instanceof SyntaxError && typeof pos === 'number') {
    return new SyntaxProblem(error.message.replace(/\s*\(\d+:\d+\)$/, ''), pos);
  }
  return error instanceof Error ? error : new Error(String(error));
}
