'use strict';
// Generated worst cases through the CLI, each timed on its own in a fresh process with its peak
// memory (GNU time when there is one): a webpack development bundle (200 `/******/` runtime lines
// and a race), 5,000 nested parentheses around a race, a 2 MB file of 15,000 races with the size
// limit off, and TypeScript's 6 MB compiler bundle. Each must finish in seconds and stay under 1 GB. `npm run bench` prints these rows after
// its corpus table; `node scripts/bench-worst.cjs` prints them alone. It measures; it asserts nothing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'forgotten-sender.cjs');
const RACE = "export const find = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100))]);\n";
/** "in seconds": the default per-file budget, past which a run stops the file */
const SECONDS_TARGET = 10;
const MEMORY_TARGET_MB = 1024;

function webpackBundle() {
  const lines = [];
  for (let index = 0; index < 200; index += 1) lines.push(`/******/ \t// webpack runtime line ${index} /******/`);
  return `${lines.join('\n')}\n/******/ (() => { setTimeout(() => {}, 0); })();\n${RACE}`;
}

// in lines of 100 characters, as generated code has them: one line of 10,000 would be skipped as minified
function nestedParentheses() {
  const lines = (text) => text.replace(/(.{100})/g, '$1\n');
  return `export const deep = ${lines('('.repeat(5000))}Promise.race([search(1), new Promise((r) => setTimeout(r, 1))])${lines(')'.repeat(5000))};\n`;
}

function twoMegabytes() {
  const chunks = [];
  let size = 0;
  for (let index = 0; size < 2 * 1024 * 1024; index += 1) {
    const chunk = RACE.replace('find', `find${index}`);
    chunks.push(chunk);
    size += chunk.length;
  }
  return chunks.join('');
}

// The 2 MB file runs without the per-file budget (--file-timeout 0), so that its row shows what it
// costs rather than the 10 s after which a default run stops it (and exits 2).
const CASES = [
  { name: 'webpack dev bundle, 200 runtime lines', file: 'bundle.js', text: webpackBundle, args: [] },
  { name: '5,000 nested parentheses', file: 'deep.js', text: nestedParentheses, args: [] },
  { name: '2 MB of races, size limit off', file: 'big.js', text: twoMegabytes, args: ['--max-file-size', '0', '--file-timeout', '0'] },
  // a real file of that size: TypeScript's compiler, one 6 MB bundle with timers (a devDependency)
  { name: 'typescript/lib/_tsc.js, size limit off', file: '_tsc.js', text: () => fs.readFileSync(path.join(ROOT, 'node_modules', 'typescript', 'lib', '_tsc.js'), 'utf8'), args: ['--max-file-size', '0', '--max-line-length', '0'] },
];

function gnuTime() {
  return fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : undefined;
}

// the result column: the exit status, and for a failed run the CLI's first error line
function outcome(result) {
  if (result.error) return result.error.message;
  const summary = /files to change\s+(\d+)/.exec(result.stderr)?.[1];
  if (result.status === 0) return `exit 0, ${summary ?? '?'} file${summary === '1' ? '' : 's'} to change`;
  const failed = /\d+ files? failed:\n(.+)/.exec(result.stderr)?.[1];
  return `exit ${result.status}${failed ? `: ${failed.replace(/^\S+\s+error\s+/, '').slice(0, 60)}` : ''}`;
}

/** every case, run once each: `{ name, bytes, seconds, cpuSeconds, peakMb, result, ok }` (CPU: user + system, from GNU time) */
function measureWorstCases() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-worst-'));
  const time = gnuTime();
  const timeFile = path.join(dir, 'time.txt');
  const rows = [];
  try {
    for (const each of CASES) {
      const file = path.join(dir, each.file);
      fs.writeFileSync(file, each.text());
      const cli = [BIN, '--no-diff', '--no-progress', ...each.args, each.file];
      const started = process.hrtime.bigint();
      const result = time
        ? spawnSync(time, ['-o', timeFile, '-f', '%M %U %S', process.execPath, ...cli], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 })
        : spawnSync(process.execPath, cli, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let peakMb;
      let cpuSeconds;
      if (time && fs.existsSync(timeFile)) {
        const [kb, user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        if (Number.isFinite(kb)) peakMb = kb / 1024;
        if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
      }
      rows.push({ name: each.name, bytes: fs.statSync(file).size, seconds, cpuSeconds, peakMb, result: outcome(result), ok: result.status === 0 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function printWorstCases(rows, write = (text) => process.stdout.write(text)) {
  // CPU time beside wall time: on a shared machine the wall clock says more about the others' load
  const header = ['worst case', 'bytes', 'wall s', 'CPU s', 'peak MB', 'result'];
  const cells = rows.map((row) => [row.name, String(row.bytes), row.seconds.toFixed(2), row.cpuSeconds === undefined ? 'n/a' : row.cpuSeconds.toFixed(2), row.peakMb === undefined ? 'n/a' : row.peakMb.toFixed(0), row.result]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const right = new Set([1, 2, 3, 4]);
  const line = (values) => `| ${values.map((value, column) => (right.has(column) ? value.padStart(widths[column]) : value.padEnd(widths[column]))).join(' | ')} |\n`;
  write(line(header));
  write(`| ${widths.map((width, column) => (right.has(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |\n`);
  for (const row of cells) write(line(row));
  const slowest = rows.reduce((worst, row) => (row.seconds > worst.seconds ? row : worst));
  const peaks = rows.filter((row) => row.peakMb !== undefined);
  const heaviest = peaks.length > 0 ? peaks.reduce((worst, row) => (row.peakMb > worst.peakMb ? row : worst)) : undefined;
  write('\ntargets:\n');
  write(`  ${rows.every((row) => row.ok) ? 'met   ' : 'missed'}  every case runs to the end (exit 0)\n`);
  const cpu = slowest.cpuSeconds === undefined ? '' : `, ${slowest.cpuSeconds.toFixed(2)} s of CPU`;
  write(`  ${slowest.seconds < SECONDS_TARGET ? 'met   ' : 'missed'}  every case in seconds (< ${SECONDS_TARGET} s, the default --file-timeout): slowest ${slowest.seconds.toFixed(2)} s${cpu} (${slowest.name})\n`);
  if (heaviest) write(`  ${heaviest.peakMb < MEMORY_TARGET_MB ? 'met   ' : 'missed'}  memory below 1 GB: largest ${heaviest.peakMb.toFixed(0)} MB (${heaviest.name})\n`);
}

module.exports = { measureWorstCases, printWorstCases, CASES };

if (require.main === module) printWorstCases(measureWorstCases());
