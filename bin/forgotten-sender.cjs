#!/usr/bin/env node
'use strict';
// forgotten-sender [paths…] — every transform of transforms/registry.ts in one pass; see docs/cli.md.
const { loadModule } = require('../cli/load.cjs');

const { main } = loadModule('cli/main');

main(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`forgotten-sender: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
