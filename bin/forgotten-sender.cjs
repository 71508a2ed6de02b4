#!/usr/bin/env node
'use strict';
// forgotten-sender [paths…] — every transform of transforms/registry.ts in one pass; see "The CLI" in README.md.
const { loadModule } = require('../cli/load.cjs');

// `forgotten-sender src/ | head`: once the reader is gone, the rest of stdout is dropped and the run
// finishes as it would have (a --write still writes every file), instead of dying on EPIPE.
// The same for stderr (`2>&1 | head`), so the exit status stays the run's own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = () => true;
  });
}

// `forgotten-sender verify [paths…] -- <test command…>`: see "Prove it on your tests" in README.md.
const run =
  process.argv[2] === 'verify'
    ? loadModule('cli/verify/index').verifyMain(process.argv.slice(3), {
        stdout: process.stdout,
        stderr: process.stderr,
        cwd: process.cwd(),
        env: process.env,
        trackerPath: require('node:path').join(__dirname, '..', 'track', 'index.mjs'),
      })
    : loadModule('cli/main').main(process.argv.slice(2));

run.then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`forgotten-sender: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
