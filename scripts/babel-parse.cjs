'use strict';
// A raw @babel/parser pass in one process over a list of files (one path a line on stdin), with the
// exact parser objects jscodeshift uses (tokens included) but no recast: the floor for any tool
// that parses every file.
const fs = require('node:fs');
const path = require('node:path');
const getParser = require('jscodeshift/src/getParser');

const chooseParser = require('./choose-parser.cjs');

const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
const parsers = new Map();
let failed = 0;
for (const file of files) {
  const source = fs.readFileSync(path.resolve(file), 'utf8');
  const name = chooseParser(file, source);
  if (!parsers.has(name)) parsers.set(name, getParser(name));
  try {
    parsers.get(name).parse(source);
  } catch {
    failed++;
  }
}
process.stdout.write(`${files.length} files parsed, ${failed} failed\n`);
