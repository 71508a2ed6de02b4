'use strict';
// Loads the CLI as plain JavaScript. The TypeScript sources of cli/ and transforms/ are compiled once
// (the same preset and plugin as cli/register.cjs) into a cache directory named by a hash of the
// sources and the compiler's version, and loaded from there on every later run: @babel/register
// would compile, or at least load its options and check its cache for, every file on every start
// and in every worker thread. When no cache directory is writable, it falls back to register.cjs.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['cli', 'transforms'];

function listSources(dir, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(full, found);
    else if (entry.isFile() && (entry.name.endsWith('.ts') || entry.name.endsWith('.cjs'))) found.push(full);
  }
  return found;
}

function babelVersions() {
  return ['@babel/core', '@babel/preset-typescript', '@babel/plugin-transform-modules-commonjs'].map((name) => `${name}@${require(`${name}/package.json`).version}`);
}

function cacheRoots() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [path.join(root, 'node_modules', '.cache', 'forgotten-sender'), path.join(os.tmpdir(), `forgotten-sender-${uid}`)];
}

function compileInto(target, sources) {
  const babel = require('@babel/core');
  const options = {
    configFile: false,
    babelrc: false,
    presets: [require('@babel/preset-typescript').default],
    plugins: [require('@babel/plugin-transform-modules-commonjs').default],
  };
  const staging = `${target}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const [file, text] of sources) {
    const relative = path.relative(root, file);
    const out = path.join(staging, relative.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const code = file.endsWith('.ts') ? babel.transformSync(text, { ...options, filename: file }).code : text;
    fs.writeFileSync(out, code);
  }
  // Another run may have built the same hash meanwhile: either copy is complete and identical.
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(target)) throw error;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Builds of earlier sources pile up with every upgrade (or edit, in this repository). One untouched
// for a day is no longer loaded by a run still going (a run loads its workers within seconds).
function pruneOldBuilds(cacheRoot, keep) {
  for (const entry of fs.readdirSync(cacheRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = path.join(cacheRoot, entry.name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > DAY_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run may be removing it too
    }
  }
}

let buildDir;

/** The directory holding cli/ and transforms/ as JavaScript, building it when needed; undefined when it cannot. */
function compiledRoot() {
  if (buildDir !== undefined) return buildDir || undefined;
  buildDir = '';
  if (process.env.FORGOTTEN_SENDER_NO_BUILD) return undefined;
  try {
    // package.json too: the CLI reads its version as ../package.json
    const files = [...SOURCE_DIRS.flatMap((dir) => listSources(path.join(root, dir))).sort(), path.join(root, 'package.json')];
    const sources = files.map((file) => [file, fs.readFileSync(file, 'utf8')]);
    const hash = crypto.createHash('sha256');
    hash.update(babelVersions().join('\n'));
    for (const [file, text] of sources) hash.update(`\0${path.relative(root, file)}\0${text}`);
    const name = hash.digest('hex').slice(0, 16);
    for (const cacheRoot of cacheRoots()) {
      const target = path.join(cacheRoot, name);
      try {
        if (!fs.existsSync(path.join(target, 'cli'))) {
          compileInto(target, sources);
          pruneOldBuilds(cacheRoot, name);
        }
        buildDir = target;
        return target;
      } catch {
        // not writable here: try the next place
      }
    }
  } catch {
    // a source or the compiler could not be read: register.cjs will say why, if it can
  }
  return undefined;
}

/** require() of a module of this package by its path from the package root without extension, e.g. 'cli/main'. */
function loadModule(relative) {
  const compiled = compiledRoot();
  if (compiled !== undefined) return require(path.join(compiled, `${relative}.js`));
  require('./register.cjs');
  return require(path.join(root, `${relative}.ts`));
}

module.exports = { compiledRoot, loadModule, pruneOldBuilds };
