'use strict';
// npm start [-- options and paths…]: the CLI over the given paths, or over examples/ when none is
// given (a plain `node bin/forgotten-sender.cjs examples/` would add examples/ to `npm start -- src/`).
const path = require('node:path');
const { loadModule } = require('../cli/load.cjs');

const args = process.argv.slice(2);
let hasPath = true;
try {
  // the CLI's own reading of the arguments: `--only race-timeout` names no path
  const { parseArgs } = loadModule('cli/args');
  hasPath = parseArgs([...args, 'x']).paths.length > 1;
} catch {
  // a usage error: let the CLI say it
}
process.argv = [process.argv[0], path.join(__dirname, '..', 'bin', 'forgotten-sender.cjs'), ...args, ...(hasPath ? [] : ['examples/'])];
require('../bin/forgotten-sender.cjs');
