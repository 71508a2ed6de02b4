'use strict';
// npm run test:corpus — the CLI over real code (scripts/corpus.cjs), checking what the issue asks:
//   1. 0 crashes (the process, a worker, or a transform on one file)
//   2. every changed output parses
//   3. a second run over the written outputs changes nothing
//   4. every file the run did not change is byte-identical to the published one
//   5. for every file a rule's prefilter keeps, the CLI's result equals `jscodeshift -t
//      transforms/all.ts`'s (the transform function itself, reports included)
// Exits 1 when a check fails. Prints its figures and how long it took.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, prepareCorpus, removeCorpus } = require('./corpus.cjs');

require(path.join(ROOT, 'cli', 'register.cjs'));
const { listFiles } = require(path.join(ROOT, 'cli', 'files.ts'));
const { transformSource } = require(path.join(ROOT, 'cli', 'engine.ts'));
const { registry } = require(path.join(ROOT, 'transforms', 'registry.ts'));
const all = require(path.join(ROOT, 'transforms', 'all.ts')).default;
const { parseSource } = require(path.join(ROOT, 'transforms', 'engine', 'parse.ts'));

const BIN = path.join(ROOT, 'bin', 'forgotten-sender.cjs');
const BOM = '\uFEFF';

function runCli(args) {
  const result = spawnSync(process.execPath, [BIN, '--no-progress', '--no-diff', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const crashed = result.signal !== null || ![0, 1, 2].includes(result.status) || /internal error|a worker failed/.test(result.stderr);
  return { status: result.status, signal: result.signal, stderr: result.stderr, crashed };
}

const PROJECT = '_project';

// The published packages hold no leaky race this project rewrites (they only get reports), so the
// project's own examples and fixture inputs ride along: they make the rewrite, reparse and
// idempotence checks bite.
function addProjectInputs(corpusDir) {
  const inputs = [];
  const walk = (relativeDir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, relativeDir), { withFileTypes: true })) {
      const relative = path.join(relativeDir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (relativeDir.startsWith('examples') || /\.input\.[cm]?[jt]sx?$/.test(entry.name)) inputs.push(relative);
    }
  };
  for (const dir of ['examples', '__testfixtures__']) if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
  for (const relative of inputs) {
    fs.mkdirSync(path.dirname(path.join(corpusDir, PROJECT, relative)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, relative), path.join(corpusDir, PROJECT, relative));
  }
  return inputs.length;
}

function published(corpusDir, file) {
  const relative = path.relative(corpusDir, file);
  const [pkg, ...rest] = relative.split(path.sep);
  if (pkg === PROJECT) return path.join(ROOT, ...rest);
  return path.join(ROOT, 'node_modules', pkg.replace('__', '/'), ...rest);
}

function main() {
  const started = Date.now();
  const { dir, packages } = prepareCorpus('corpus');
  const failures = [];
  const fail = (message) => failures.push(message);
  try {
    const projectInputs = addProjectInputs(dir);
    const files = listFiles([dir]).files;
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

    // 1. --write over the copy (outside git, so no dirty-tree refusal).
    const firstJson = path.join(dir, '..', `${path.basename(dir)}.run1.json`);
    const first = runCli(['--write', `--json=${firstJson}`, dir]);
    if (first.crashed) fail(`first run crashed (exit ${first.status}, signal ${first.signal}): ${first.stderr.slice(-2000)}`);
    const run1 = JSON.parse(fs.readFileSync(firstJson, 'utf8'));
    fs.rmSync(firstJson, { force: true });
    const transformCrashes = run1.problems.filter((problem) => /crashed|internal error|worker thread failed/.test(problem.reason));
    for (const problem of transformCrashes) fail(`crash: ${problem.file}: ${problem.reason}`);
    const parseErrors = run1.problems.filter((problem) => problem.kind === 'error' && !/crashed|internal error|worker thread failed/.test(problem.reason));

    // 2. Every changed output parses, with the parser the file gets.
    const changed = new Set(run1.changedFiles.map((file) => path.resolve(file)));
    for (const file of changed) {
      const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      try {
        parseSource(file, source);
      } catch (error) {
        fail(`changed output does not parse: ${file}: ${error.message}`);
      }
    }

    // 4. Untouched files are byte-identical to the published ones.
    let identical = 0;
    for (const file of files) {
      if (changed.has(path.resolve(file))) continue;
      if (fs.readFileSync(file).equals(fs.readFileSync(published(dir, file)))) identical++;
      else fail(`unchanged file differs from the published one: ${file}`);
    }

    // 3. Idempotence: a dry run over the outputs finds nothing more to change (on worker threads
    // this time, so that they see real code too).
    const secondJson = path.join(dir, '..', `${path.basename(dir)}.run2.json`);
    const second = runCli([`--json=${secondJson}`, '--jobs=2', dir]);
    if (second.crashed) fail(`second run crashed (exit ${second.status}): ${second.stderr.slice(-2000)}`);
    const run2 = JSON.parse(fs.readFileSync(secondJson, 'utf8'));
    fs.rmSync(secondJson, { force: true });
    for (const file of run2.changedFiles) fail(`second run changes ${file} again`);

    // 5. The CLI's per-file result equals all.ts's, reports included.
    let compared = 0;
    let sameAsAllTs = 0;
    for (const file of files) {
      let source = fs.readFileSync(published(dir, file), 'utf8');
      if (source.startsWith(BOM)) source = source.slice(1);
      if (!registry.some((codemod) => codemod.mayApply(source))) continue;
      compared++;
      const reports = [];
      const api = { report: (line) => reports.push(line) };
      let expected;
      try {
        expected = all({ path: file, source }, api, {});
      } catch (error) {
        fail(`all.ts crashed on ${file}: ${error.message}`);
        continue;
      }
      const outcome = transformSource(registry, file, source, {});
      const expectedReports = [...reports].sort();
      const actualReports = [
        ...outcome.sites.filter((site) => site.status === 'reported').map((site) => `${site.file}:${site.line}:${site.column}: ${site.reason}`),
        ...(outcome.error ? [outcome.errorAt ? `${file}:${outcome.errorAt.line}:${outcome.errorAt.column}: ${outcome.error}` : `${file}: ${outcome.error}`] : []),
      ].sort();
      const sameOutput = (outcome.output ?? undefined) === (expected ?? undefined);
      if (!sameOutput || JSON.stringify(actualReports) !== JSON.stringify(expectedReports)) {
        fail(`CLI and all.ts disagree on ${file} (output ${sameOutput ? 'same' : 'differs'}, reports ${actualReports.length} vs ${expectedReports.length})`);
      } else {
        sameAsAllTs++;
      }
    }

    const seconds = (Date.now() - started) / 1000;
    const out = (line) => process.stdout.write(`${line}\n`);
    out(`corpus: ${packages.join(', ')}, and ${projectInputs} inputs from examples/ and __testfixtures__/`);
    out(`  files                        ${files.length} (${(bytes / 1e6).toFixed(1)} MB)`);
    out(`  parsed                       ${run1.summary.filesParsed}`);
    out(`  skipped (size, minified)     ${run1.summary.filesSkipped}`);
    out(`  syntax errors                ${parseErrors.length}`);
    out(`  crashes                      ${transformCrashes.length + (first.crashed ? 1 : 0) + (second.crashed ? 1 : 0)}`);
    out(`  changed, all parse           ${changed.size}`);
    out(`  sites fixed / reported       ${run1.sites.filter((site) => site.status === 'fixed').length} / ${run1.sites.filter((site) => site.status === 'reported').length}`);
    out(`  unchanged, byte-identical    ${identical}`);
    out(`  second run changes           ${run2.changedFiles.length}`);
    out(`  same as all.ts               ${sameAsAllTs} of ${compared} prefiltered files`);
    out(`  time                         ${seconds.toFixed(1)} s`);
    if (failures.length > 0) {
      out(`\n${failures.length} failure${failures.length === 1 ? '' : 's'}:`);
      for (const failure of failures.slice(0, 50)) out(`  ${failure}`);
      process.exitCode = 1;
    } else {
      out('\nall checks passed');
    }
  } finally {
    removeCorpus(dir);
  }
}

main();
