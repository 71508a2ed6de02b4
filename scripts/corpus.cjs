'use strict';
// The benchmark and robustness corpus: the published sources of a few async-heavy npm packages,
// pinned as devDependencies, so no network is needed at run time. Each run copies them to a fresh
// directory outside any git work tree (the CLI would otherwise see them as git-ignored
// node_modules, and `test:corpus` rewrites its copy).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGES = ['undici', 'ioredis', 'mongodb', 'puppeteer-core', 'ws'];

function packageVersion(name) {
  return require(path.join(ROOT, 'node_modules', name, 'package.json')).version;
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isFile()) fs.copyFileSync(source, target);
  }
}

/** Copies the corpus to a new temporary directory and returns its path and the package list. */
function prepareCorpus(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `forgotten-sender-${label}-`));
  const packages = [];
  for (const name of PACKAGES) {
    const source = path.join(ROOT, 'node_modules', name);
    if (!fs.existsSync(source)) throw new Error(`${name} is not installed: run npm install first`);
    copyTree(source, path.join(dir, name.replace('/', '__')));
    packages.push(`${name}@${packageVersion(name)}`);
  }
  return { dir, packages };
}

function removeCorpus(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { ROOT, PACKAGES, prepareCorpus, removeCorpus };
