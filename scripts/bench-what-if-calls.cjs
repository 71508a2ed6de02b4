'use strict';
// Preloaded (node -r) by `npm run bench` for one extra, clearly labelled row: the CLI as it would run
// if race-timeout declared `calls: ['race']` (the optional Codemod field that enables the cheap
// parse). It changes nothing on disk. The bench drops the row once every transform declares `calls`.
require('../cli/register.cjs');
const { registry } = require('../transforms/registry.ts');

for (const codemod of registry) {
  if (codemod.name === 'race-timeout' && codemod.calls === undefined) codemod.calls = ['race'];
}
