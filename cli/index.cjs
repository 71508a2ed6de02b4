'use strict';
// require('forgotten-sender') / import { run } from 'forgotten-sender': the programmatic API of
// cli/api.ts, compiled on first use as the CLI is (cli/load.cjs). Types: cli/index.d.ts.
const { loadModule } = require('./load.cjs');

exports.run = function run(options) {
  return loadModule('cli/api').run(options);
};
