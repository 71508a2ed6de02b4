'use strict';
// transforms/lib/parser.ts's choice of jscodeshift parser, for the plain-JS baselines of the benchmark
// (they must not load the babel register hook, which would bill them for compiling TypeScript).
const FLOW_PRAGMA = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:\/\/|\/\*+)\s*@flow\b/;

module.exports = function chooseParser(file, source) {
  if (/\.(?:c|m)?ts$/i.test(file)) return 'ts';
  if (/\.tsx$/i.test(file)) return 'tsx';
  if (FLOW_PRAGMA.test(source)) return 'flow';
  return 'tsx';
};
