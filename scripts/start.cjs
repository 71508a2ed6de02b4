'use strict';
// npm start [-- options and paths…]: the CLI over the given paths, read from the directory npm was
// run from (npm runs scripts in the package's own directory and says where it was called in
// INIT_CWD), or over this clone's examples/ when no path is given.
const path = require('node:path');
const { loadModule } = require('../cli/load.cjs');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
let hasPath = true;
try {
  // the CLI's own reading of the arguments: `--only race-timeout` names no path
  const { parseArgs } = loadModule('cli/args');
  // (a directory as the sentinel: `--json` never takes one as its file)
  hasPath = parseArgs([...args, __dirname], process.env.INIT_CWD || process.cwd()).paths.length > 1;
} catch {
  // a usage error: let the CLI say it
}
if (hasPath) {
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
} else {
  process.chdir(root);
}
process.argv = [process.argv[0], path.join(root, 'bin', 'forgotten-sender.cjs'), ...args, ...(hasPath ? [] : ['examples/'])];
require('../bin/forgotten-sender.cjs');
