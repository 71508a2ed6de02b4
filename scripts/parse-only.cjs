'use strict';
// The baseline the CLI is measured against: jscodeshift parses every file with recast (the parser
// chosen per extension, as transforms/all.ts does) and changes nothing.
//   jscodeshift -t scripts/parse-only.cjs --dry --silent <paths>
// Run it with --no-babel: it is plain CommonJS.
const chooseParser = require('./choose-parser.cjs');

module.exports = function parseOnly(file, api) {
  api.jscodeshift.withParser(chooseParser(file.path, file.source))(file.source);
  return undefined;
};
