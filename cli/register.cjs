'use strict';
// Lets plain Node 20 require the TypeScript sources (cli/, transforms/) with no build step, the way
// jscodeshift's own Worker loads a `-t transforms/all.ts`: @babel/register strips the types and turns
// ES modules into CommonJS. Only this package's .ts files are compiled; node_modules is left alone.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

if (!globalThis.__forgottenSenderRegistered) {
  globalThis.__forgottenSenderRegistered = true;
  require('@babel/register')({
    configFile: false,
    babelrc: false,
    presets: [require('@babel/preset-typescript').default],
    plugins: [require('@babel/plugin-transform-modules-commonjs').default],
    extensions: ['.ts'],
    only: [path.join(root, 'cli'), path.join(root, 'transforms')],
  });
}
