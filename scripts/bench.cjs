'use strict';
// npm run bench — side by side in one run, over the same files of a real corpus (scripts/corpus.cjs):
//   the CLI (dry run, all cores) · jscodeshift -t transforms/all.ts · a jscodeshift parse-only
//   transform · a raw @babel/parser pass in one process · ast-grep's one-pattern scan · grep.
// The CLI runs twice: with its own choice of threads (one, below a few MB of candidates) and with
// one thread per core. Prints wall time (median of BENCH_RUNS runs, default 3), files/s, MB/s, peak RSS and the ratios
// against the targets of the issue. Then eslint with the plugin's configs.recommended against eslint
// with no rules (scripts/bench-eslint.cjs). Then the generated worst cases of scripts/bench-worst.cjs (a
// webpack dev bundle, deep nesting, a 2 MB file of races), one row each. It measures; it asserts
// nothing and exits 0.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, prepareCorpus, removeCorpus } = require('./corpus.cjs');
const { measureEslint, printEslint } = require('./bench-eslint.cjs');
const { measureWorstCases, printWorstCases } = require('./bench-worst.cjs');

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const NODE = process.execPath;
const JSCODESHIFT = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const EXTENSIONS = 'ts,tsx,mts,cts,js,jsx,mjs,cjs';

function astGrepBinary() {
  const native = path.join(ROOT, 'node_modules', '@ast-grep', `cli-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`, 'ast-grep');
  if (fs.existsSync(native)) return native;
  const shim = path.join(ROOT, 'node_modules', '.bin', 'ast-grep');
  return fs.existsSync(shim) ? shim : undefined;
}

// One timed run: wall clock from here, peak RSS from GNU time (the largest process of the tree).
function measure(command, args, { input, cwd = ROOT } = {}) {
  const timeFile = path.join(os.tmpdir(), `forgotten-sender-bench-${process.pid}.time`);
  const argv = TIME ? ['-o', timeFile, '-f', '%M', command, ...args] : args;
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME ?? command, argv, { cwd, input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMb;
  if (TIME && fs.existsSync(timeFile)) {
    const kb = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) peakMb = kb / 1024;
    fs.rmSync(timeFile, { force: true });
  }
  return { seconds, peakMb, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return `${cores} cores (nproc), ${model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function listCorpusFiles(dir) {
  // The CLI's own listing (node_modules, .gitignore and .d.ts left out), so every tool sees the same files.
  require(path.join(ROOT, 'cli', 'register.cjs'));
  const { listFiles } = require(path.join(ROOT, 'cli', 'files.ts'));
  return listFiles([dir]).files;
}

function main() {
  const { dir, packages } = prepareCorpus('bench');
  try {
    const files = listCorpusFiles(dir);
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const list = `${files.join('\n')}\n`;
    const megabytes = bytes / 1e6;
    const withBoth = files.filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return source.includes('Promise.race') && source.includes('setTimeout');
    }).length;

    process.stdout.write(`machine: ${machine()}\n`);
    process.stdout.write(`corpus:  ${packages.join(', ')}\n`);
    process.stdout.write(`         ${files.length} files, ${megabytes.toFixed(1)} MB; ${withBoth} contain both Promise.race and setTimeout\n`);
    process.stdout.write(`runs:    median of ${RUNS}${TIME ? '' : ' (no /usr/bin/time: peak memory not measured)'}\n\n`);

    require(path.join(ROOT, 'cli', 'register.cjs'));
    const { registry } = require(path.join(ROOT, 'transforms', 'registry.ts'));
    const withoutCalls = registry.filter((codemod) => codemod.calls === undefined).map((codemod) => codemod.name);
    const sg = astGrepBinary();
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const tools = [
      { key: 'cli', label: 'forgotten-sender (dry run)', command: NODE, args: [path.join(ROOT, 'bin', 'forgotten-sender.cjs'), '--no-diff', '--no-progress', dir] },
      {
        key: 'cliAllCores',
        label: `forgotten-sender --jobs ${cores}`,
        command: NODE,
        args: [path.join(ROOT, 'bin', 'forgotten-sender.cjs'), '--no-diff', '--no-progress', `--jobs=${cores}`, dir],
      },
      {
        key: 'all',
        label: 'jscodeshift -t transforms/all.ts',
        command: NODE,
        args: [JSCODESHIFT, '-t', path.join(ROOT, 'transforms', 'all.ts'), '--dry', '--silent', `--extensions=${EXTENSIONS}`, '--stdin'],
        input: list,
      },
      {
        key: 'parseOnly',
        label: 'jscodeshift parse-only transform',
        command: NODE,
        args: [JSCODESHIFT, '-t', path.join(ROOT, 'scripts', 'parse-only.cjs'), '--no-babel', '--dry', '--silent', `--extensions=${EXTENSIONS}`, '--stdin'],
        input: list,
      },
      { key: 'babel', label: 'raw @babel/parser, one process', command: NODE, args: [path.join(ROOT, 'scripts', 'babel-parse.cjs')], input: list },
      ...(sg ? [{ key: 'astGrep', label: "ast-grep run -p 'Promise.race($$$)'", command: sg, args: ['run', '-p', 'Promise.race($$$)', dir] }] : []),
      { key: 'grep', label: "grep -rlE 'Promise\\.race'", command: 'grep', args: ['-rlE', 'Promise\\.race', dir] },
    ];

    const results = {};
    for (const tool of tools) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(measure(tool.command, tool.args, { input: tool.input }));
      const failed = runs.find((run) => run.status !== 0 && !(tool.key === 'grep' && run.status === 1));
      if (failed) process.stdout.write(`note: ${tool.label} exited ${failed.status}: ${failed.stderr.split('\n').slice(-3).join(' ')}\n`);
      const peaks = runs.map((run) => run.peakMb).filter((value) => value !== undefined);
      results[tool.key] = { label: tool.label, seconds: median(runs.map((run) => run.seconds)), peakMb: peaks.length ? Math.max(...peaks) : undefined, last: runs[runs.length - 1] };
    }

    const base = results.parseOnly.seconds;
    const rows = Object.values(results).map((result) => [
      result.label,
      result.seconds.toFixed(2),
      (files.length / result.seconds).toFixed(0),
      (megabytes / result.seconds).toFixed(1),
      result.peakMb === undefined ? 'n/a' : result.peakMb.toFixed(0),
      `${(result.seconds / base).toFixed(2)}×`,
    ]);
    const header = ['tool', 'wall s', 'files/s', 'MB/s', 'peak MB', 'vs parse-only'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
    process.stdout.write(`${line(header)}\n| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |\n`);
    for (const row of rows) process.stdout.write(`${line(row)}\n`);

    const cliSummary = /files parsed\s+(.+)\n[\s\S]*?files skipped\s+(\d+)/.exec(results.cli.last.stderr);
    if (cliSummary) process.stdout.write(`\nCLI: files parsed ${cliSummary[1]}, files skipped ${cliSummary[2]} (over the size limit or minified)\n`);

    if (withoutCalls.length > 0) {
      process.stdout.write(`\nno cheap parse for: ${withoutCalls.join(', ')} (no \`calls\` declared: every file their text prefilter keeps goes through recast)\n`);
    }
    const targets = [
      ['CLI ≤ 0.2× jscodeshift parse-only', results.cli.seconds / base, 0.2],
      ...(results.astGrep ? [['CLI ≤ 1.5× ast-grep one-pattern scan', results.cli.seconds / results.astGrep.seconds, 1.5]] : []),
      ['all.ts under jscodeshift ≤ 1.1× parse-only', results.all.seconds / base, 1.1],
    ];
    process.stdout.write('\ntargets:\n');
    for (const [name, ratio, limit] of targets) {
      process.stdout.write(`  ${ratio <= limit ? 'met   ' : 'missed'}  ${name}: ${ratio.toFixed(2)}×\n`);
    }
    const peak = results.cli.peakMb;
    if (peak !== undefined) process.stdout.write(`  ${peak < 300 ? 'met   ' : 'missed'}  CLI peak memory < 300 MB: ${peak.toFixed(0)} MB\n`);

    process.stdout.write('\nthe ESLint plugin (configs.recommended) against eslint with no rules, one run each:\n\n');
    printEslint(measureEslint(dir, { measure }));
  } finally {
    removeCorpus(dir);
  }
  process.stdout.write('\nworst cases (each file alone, one run each):\n\n');
  printWorstCases(measureWorstCases());
}

main();
