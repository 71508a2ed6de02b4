'use strict';
// forgotten-sender/eslint: the flat-config plugin. One rule per transform, under the same ids, each
// reporting what the CLI reports and fixing what --write fixes (transforms/engine/eslint.ts):
//
//   // eslint.config.js
//   const forgottenSender = require('forgotten-sender/eslint');
//   module.exports = [forgottenSender.configs.recommended];
//
// The TypeScript of cli/ and transforms/ is compiled once and loaded from a cache, as the CLI is
// (cli/load.cjs). The options are the CLI's own list, in camelCase; the size limits its defaults.
const { loadModule } = require('../cli/load.cjs');

const { createPlugin } = loadModule('transforms/engine/eslint');
const { pluginSpec } = loadModule('cli/eslint-spec');

module.exports = createPlugin(pluginSpec());
