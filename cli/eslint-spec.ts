// What the ESLint plugin is built from: the package's name, version and homepage, the CLI's transform
// options and file extensions, and its size limits. One place, for eslint/index.cjs and the tests.
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH, TRANSFORM_OPTIONS } from './args';
import { SOURCE_EXTENSIONS } from './files';
import type { PluginSpec } from '../transforms/engine/eslint';

const manifest = require('../package.json') as { name: string; version: string; homepage: string };

export function pluginSpec(): PluginSpec {
  return {
    name: manifest.name,
    version: manifest.version,
    homepage: manifest.homepage,
    options: TRANSFORM_OPTIONS,
    extensions: SOURCE_EXTENSIONS,
    limits: { maxFileSize: DEFAULT_MAX_FILE_SIZE, maxLineLength: DEFAULT_MAX_LINE_LENGTH },
  };
}
