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
const manifest = require('../package.json');

const { createPlugin } = loadModule('transforms/engine/eslint');
const { DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH, TRANSFORM_OPTIONS } = loadModule('cli/args');
const { SOURCE_EXTENSIONS } = loadModule('cli/files');

module.exports = createPlugin({
  name: manifest.name,
  version: manifest.version,
  homepage: manifest.homepage,
  options: TRANSFORM_OPTIONS,
  extensions: SOURCE_EXTENSIONS,
  limits: { maxFileSize: DEFAULT_MAX_FILE_SIZE, maxLineLength: DEFAULT_MAX_LINE_LENGTH },
});
