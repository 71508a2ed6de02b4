'use strict';
// The ESLint plugin's cost over a corpus: `eslint` with configs.recommended against `eslint` with the
// same parsers and no rule at all (what ESLint spends reading, parsing and walking the files on its
// own). Both runs lint the same directory with one thread and no cache; the difference is what the
// plugin adds. `npm run bench` prints it for the benchmark corpus; alone:
//   node scripts/bench-eslint.cjs <dir>
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

// the config of a user's project: TypeScript through typescript-eslint, JavaScript through espree
function writeConfig(dir, withPlugin) {
  const url = (file) => JSON.stringify(pathToFileURL(file).href);
  const file = path.join(dir, withPlugin ? 'with-plugin.config.mjs' : 'no-rules.config.mjs');
  const lines = [
    `import typescriptParser from ${url(require.resolve('@typescript-eslint/parser'))};`,
    ...(withPlugin ? [`import forgottenSender from ${url(path.join(ROOT, 'eslint', 'index.mjs'))};`] : []),
    'export default [',
    "  { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: typescriptParser } },",
    "  { files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },",
    ...(withPlugin ? ['  forgottenSender.configs.recommended,'] : []),
    '];',
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

function defaultMeasure(command, args, { cwd }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, status: result.status, stderr: result.stderr ?? '' };
}

/** both runs over `dir`, each the median of `runs`; `measure` is the benchmark's own timer */
function measureEslint(dir, { runs = 1, measure = defaultMeasure } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-bench-eslint-'));
  try {
    const rows = [];
    for (const withPlugin of [false, true]) {
      const config = writeConfig(work, withPlugin);
      const report = path.join(work, 'report.json');
      const times = [];
      const peaks = [];
      let last;
      for (let index = 0; index < runs; index++) {
        // ESLint exits 1 when it reports an error: the plugin's reports are errors
        last = measure(process.execPath, [ESLINT, '--config', config, '--no-warn-ignored', '--format', 'json', '--output-file', report, '.'], { cwd: dir });
        times.push(last.seconds);
        if (last.peakMb !== undefined) peaks.push(last.peakMb);
      }
      const results = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : [];
      const messages = results.flatMap((result) => result.messages);
      rows.push({
        label: withPlugin ? 'eslint, configs.recommended' : 'eslint, no rules (the parse)',
        seconds: times.sort((a, b) => a - b)[Math.floor(times.length / 2)],
        peakMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
        files: results.length,
        reports: messages.filter((message) => String(message.ruleId).startsWith('forgotten-sender/')).length,
        unparsed: results.filter((result) => result.messages.some((message) => message.fatal)).length,
        failed: last.status !== 0 && last.status !== 1 ? `exited ${last.status}: ${last.stderr.split('\n').slice(-3).join(' ')}` : undefined,
      });
    }
    return rows;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function printEslint(rows) {
  const [parse, plugin] = rows;
  for (const row of rows) if (row.failed) process.stdout.write(`note: ${row.label} ${row.failed}\n`);
  const table = rows.map((row) => [
    row.label,
    row.seconds.toFixed(2),
    (row.files / row.seconds).toFixed(0),
    row.peakMb === undefined ? 'n/a' : row.peakMb.toFixed(0),
    String(row.reports),
  ]);
  const header = ['eslint (one thread, no cache)', 'wall s', 'files/s', 'peak MB', 'reports'];
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  process.stdout.write(`${line(header)}\n| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  const added = plugin.seconds - parse.seconds;
  process.stdout.write(
    `plugin: ${added < 0 ? '−' : '+'}${Math.abs(added).toFixed(2)} s over ESLint's own ${parse.seconds.toFixed(2)} s (${(plugin.seconds / parse.seconds).toFixed(2)}×), ${plugin.files} files linted, ${plugin.unparsed} ESLint's parsers could not read\n`,
  );
}

module.exports = { measureEslint, printEslint };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? '.');
  printEslint(measureEslint(dir, { runs: Math.max(1, Number(process.env.BENCH_RUNS) || 1) }));
}
