'use strict';
// node scripts/real-corpus.cjs [options] <dir>...
//
// The robustness run over real code (issue 15): every .js .jsx .ts .tsx .mjs .cjs .mts .cts file
// under the folders given (node_modules and .git are not entered; declaration files, symlinks and
// files over 512 KiB are skipped) goes through the rules (transforms/registry.ts, runRules), one
// file at a time in a pool of worker threads, each file with a time budget. Nothing is written to
// the folders read. For each file that a fix changes, the output must parse, a second run on the
// output must change nothing (idempotent), and the line diff of original → output may touch only
// lines of the fixed sites (see untouchedViolations below).
//
// Options:
//   --file-timeout <s>   budget per file, in seconds (default 10); over it the worker is terminated
//                        and replaced, and the file counts as a hang
//   --workers <n>        worker threads (default 2)
//   --out <file>         one JSON line per file (timings, findings, failures) (default: none)
//   --slowest <n>        how many of the slowest files to list (default 5)
//   --quiet              no progress line
//
// Exit status 1 when any failure count (thrown, crashes, unparsable fixes, net refusals, hangs,
// worker deaths, non-idempotent, unparsable outputs, untouched-line violations) is above 0.
const fs = require('node:fs');
const path = require('node:path');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const ROOT = path.resolve(__dirname, '..');
const EXTENSIONS = /\.(?:jsx?|tsx?|mjs|cjs|mts|cts)$/i;
const DECLARATION = /\.d\.(?:c|m)?ts$/i;
const MAX_BYTES = 512 * 1024;
const BOM = '\uFEFF';

if (isMainThread) main();
else workerMain();

// ---------------------------------------------------------------------------------------------
// worker
// ---------------------------------------------------------------------------------------------

function workerMain() {
  require(path.join(ROOT, 'cli', 'register.cjs'));
  const { runRules } = require(path.join(ROOT, 'transforms', 'engine', 'run.ts'));
  const { registry } = require(path.join(ROOT, 'transforms', 'registry.ts'));
  const { parseSource } = require(path.join(ROOT, 'transforms', 'engine', 'parse.ts'));
  const decoder = new TextDecoder('utf-8', { fatal: true });

  parentPort.on('message', (job) => {
    const result = { id: job.id, file: job.file };
    const started = performance.now();
    try {
      const bytes = fs.readFileSync(job.file);
      let source;
      try {
        source = decoder.decode(bytes);
      } catch {
        result.skipped = 'not UTF-8';
        return;
      }
      if (source.startsWith(BOM)) source = source.slice(1);
      let first;
      try {
        first = runRules(registry, job.file, source, {});
      } catch (error) {
        result.thrown = describe(error);
        return;
      } finally {
        result.ms = performance.now() - started;
      }
      result.parsed = first.parsed;
      if (first.syntaxError) result.syntaxError = `${first.syntaxError.line}:${first.syntaxError.column} ${first.syntaxError.message}`;
      result.findings = first.findings.map(brief);
      if (first.output === undefined) return;

      const output = first.output;
      result.changed = true;
      try {
        parseSource(job.file, output);
      } catch (error) {
        result.outputUnparsable = describe(error);
      }
      if (!result.outputUnparsable) {
        try {
          const second = runRules(registry, job.file, output, {});
          if (second.output !== undefined) result.nonIdempotent = firstDifference(output, second.output);
          const crashed = second.findings.filter((finding) => finding.status === 'crashed');
          if (crashed.length > 0) result.secondRunCrashes = crashed.map(brief);
        } catch (error) {
          result.secondRunThrown = describe(error);
        }
      }
      const check = untouchedViolations(job.file, source, output, first.findings, parseSource);
      result.hunks = check.hunks;
      if (check.violations.length > 0) result.untouched = check.violations;
      if (check.badReconstruction) result.untouched = [...(result.untouched ?? []), 'line diff does not reproduce the output'];
    } catch (error) {
      result.thrown = `harness: ${describe(error)}`;
    } finally {
      result.totalMs = performance.now() - started;
      result.heap = process.memoryUsage().heapUsed;
      parentPort.postMessage(result);
    }
  });
  parentPort.postMessage({ ready: true });
}

function brief(finding) {
  return {
    rule: finding.rule,
    status: finding.status,
    messageId: finding.messageId,
    line: finding.position?.line,
    column: finding.position?.column,
    site: finding.site,
    why: finding.status === 'crashed' ? finding.message?.why : undefined,
  };
}

function describe(error) {
  if (error instanceof Error) return `${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}

function firstDifference(a, b) {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const line = a.slice(0, at).split('\n').length;
  return `second run changes line ${line}: ${JSON.stringify(a.slice(at, at + 60))} → ${JSON.stringify(b.slice(at, at + 60))}`;
}

// ---------------------------------------------------------------------------------------------
// the line check: lines with their terminators, a Myers diff, and every hunk that removes or
// rewrites a line of the original must lie where a fix may write: the enclosing function of a fixed
// site (or, at top level, the statement holding it) — a fix re-indents and wraps inside it — or an
// import declaration (an import a fix adds a name to or leaves unused). Pure insertions touch no
// original line. Any other hunk is a change to a line no fix had reason to touch.
// ---------------------------------------------------------------------------------------------

function splitLines(text) {
  const lines = [];
  const pattern = /\r\n|\n|\r|\u2028|\u2029/g;
  let from = 0;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    lines.push(text.slice(from, match.index + match[0].length));
    from = match.index + match[0].length;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/** hunks of a line diff: { a0, a1, b0, b1 } (original lines a0..a1-1 became output lines b0..b1-1) */
function diffLines(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const A = a.slice(start, endA);
  const B = b.slice(start, endB);
  const n = A.length;
  const m = B.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ a0: start, a1: endA, b0: start, b1: endB }];
  const max = n + m;
  const LIMIT = 2000;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, LIMIT); d += 1) {
    trace.push(v.slice(Math.max(0, offset - d - 1), offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  if (found < 0) return [{ a0: start, a1: endA, b0: start, b1: endB }];
  // walk the trace back: the edit script as a list of equal pairs
  const equal = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const saved = trace[d];
    const base = Math.max(0, offset - d - 1);
    const at = (k) => saved[offset + k - base];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      equal.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    equal.push([x, y]);
  }
  equal.reverse();
  const hunks = [];
  let pa = 0;
  let pb = 0;
  for (const [ea, eb] of [...equal, [n, m]]) {
    if (ea > pa || eb > pb) hunks.push({ a0: start + pa, a1: start + ea, b0: start + pb, b1: start + eb });
    pa = ea + 1;
    pb = eb + 1;
  }
  return hunks;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

function allowedRegions(file, source, findings) {
  const functions = [];
  const imports = [];
  const top = file.program.body;
  for (const statement of top) if (statement.type === 'ImportDeclaration') imports.push([statement.start, statement.end]);
  const { walkNodes } = require(path.join(ROOT, 'transforms', 'analysis', 'tree.ts'));
  walkNodes(file.program, (node) => {
    if (FUNCTION_TYPES.has(node.type)) functions.push(node);
  });
  const regions = [...imports];
  for (const finding of findings) {
    if (finding.status !== 'fixed') continue;
    const at = finding.site.start;
    let inner;
    for (const fn of functions) if (fn.start <= at && at < fn.end && (!inner || fn.end - fn.start < inner.end - inner.start)) inner = fn;
    if (inner) {
      regions.push([inner.start, inner.end]);
      continue;
    }
    const statement = top.find((node) => node.start <= at && at < node.end);
    regions.push(statement ? [statement.start, statement.end] : [finding.site.start, finding.site.end]);
  }
  return regions;
}

function untouchedViolations(filePath, source, output, findings, parseSource) {
  const a = splitLines(source);
  const b = splitLines(output);
  const hunks = diffLines(a, b);
  // the diff must give the output back
  const rebuilt = [];
  let pa = 0;
  for (const hunk of hunks) {
    rebuilt.push(...a.slice(pa, hunk.a0), ...b.slice(hunk.b0, hunk.b1));
    pa = hunk.a1;
  }
  rebuilt.push(...a.slice(pa));
  const badReconstruction = rebuilt.join('') !== output;
  // line starts of the original, to turn regions into line ranges
  const starts = [0];
  for (const line of a) starts.push(starts[starts.length - 1] + line.length);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let regions;
  try {
    regions = allowedRegions(parseSource(filePath, source), source, findings).map(([from, to]) => [lineOf(from), lineOf(Math.max(from, to - 1))]);
  } catch (error) {
    return { hunks: hunks.length, violations: [`original does not parse for the line check: ${describe(error)}`], badReconstruction };
  }
  const violations = [];
  for (const hunk of hunks) {
    for (let line = hunk.a0; line < hunk.a1; line += 1) {
      if (regions.some(([from, to]) => from <= line && line <= to)) continue;
      violations.push(`line ${line + 1} changed outside every fixed site's function: ${JSON.stringify(a[line].slice(0, 100))} (hunk -${hunk.a0 + 1},${hunk.a1 - hunk.a0} +${hunk.b0 + 1},${hunk.b1 - hunk.b0})`);
      break;
    }
  }
  return { hunks: hunks.length, violations, badReconstruction };
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { dirs: [], fileTimeout: 10, workers: 2, out: undefined, slowest: 5, quiet: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--file-timeout') args.fileTimeout = Number(value());
    else if (flag === '--workers') args.workers = Number(value());
    else if (flag === '--out') args.out = path.resolve(value());
    else if (flag === '--slowest') args.slowest = Number(value());
    else if (flag === '--quiet') args.quiet = true;
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 20).map((line) => line.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    } else if (flag.startsWith('--')) throw new Error(`unknown option ${flag}`);
    else args.dirs.push(path.resolve(arg));
  }
  if (args.dirs.length === 0) throw new Error('usage: node scripts/real-corpus.cjs [--file-timeout s] [--workers n] [--out file.jsonl] <dir>...');
  if (!(args.fileTimeout > 0) || !(args.workers >= 1)) throw new Error('--file-timeout and --workers must be positive');
  return args;
}

function listFiles(dirs, counts) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      counts.unreadableDirs += 1;
      return;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name === '.git') continue;
        walk(full);
      } else if (EXTENSIONS.test(entry.name)) {
        if (entry.isSymbolicLink()) {
          counts.skippedSymlink += 1;
          continue;
        }
        if (!entry.isFile()) continue;
        if (DECLARATION.test(entry.name)) {
          counts.skippedDeclaration += 1;
          continue;
        }
        const size = fs.statSync(full).size;
        if (size > MAX_BYTES) {
          counts.skippedLarge += 1;
          continue;
        }
        files.push({ file: full, size });
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}

function peakFromProc() {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const wallStart = performance.now();
  const counts = { unreadableDirs: 0, skippedSymlink: 0, skippedDeclaration: 0, skippedLarge: 0 };
  const files = listFiles(args.dirs, counts);
  const totalBytes = files.reduce((sum, entry) => sum + entry.size, 0);
  const out = args.out ? fs.openSync(args.out, 'w') : undefined;

  const stats = {
    files: files.length,
    bytes: totalBytes,
    done: 0,
    notUtf8: 0,
    gated: 0,
    parsed: 0,
    syntaxErrors: 0,
    changed: 0,
    findings: { fixed: 0, refused: 0, unknown: 0, safe: 0, crashed: 0 },
    deferred: 0,
    filesWithFindings: 0,
  };
  const failures = {
    thrown: [],
    crashes: [],
    unparsableFixes: [],
    netRefusals: [],
    hangs: [],
    workerDeaths: [],
    nonIdempotent: [],
    outputUnparsable: [],
    untouched: [],
    secondRun: [],
  };
  const syntaxErrorFiles = [];
  const timings = [];
  let peakRss = process.memoryUsage().rss;
  let peakWorkerHeap = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);

  let next = 0;
  const pool = [];
  let finished = false;

  const record = (entry, result) => {
    stats.done += 1;
    if (result.heap) peakWorkerHeap = Math.max(peakWorkerHeap, result.heap);
    const rel = entry.file;
    if (result.skipped) stats.notUtf8 += 1;
    if (typeof result.ms === 'number') timings.push({ file: rel, ms: result.ms, totalMs: result.totalMs ?? result.ms });
    if (result.thrown) failures.thrown.push({ file: rel, error: result.thrown });
    if (result.parsed === false && !result.skipped && !result.thrown) stats.gated += 1;
    if (result.parsed && !result.syntaxError) stats.parsed += 1;
    if (result.syntaxError) {
      stats.syntaxErrors += 1;
      syntaxErrorFiles.push({ file: rel, error: result.syntaxError });
    }
    if (result.findings?.length) stats.filesWithFindings += 1;
    for (const finding of result.findings ?? []) {
      stats.findings[finding.status] = (stats.findings[finding.status] ?? 0) + 1;
      if (finding.messageId === 'deferred') stats.deferred += 1;
      if (finding.status !== 'crashed') continue;
      const item = { file: rel, line: finding.line, column: finding.column, rule: finding.rule, messageId: finding.messageId, why: finding.why };
      if (finding.messageId === 'unsafe') failures.netRefusals.push(item);
      else if (finding.messageId === 'unparsable') failures.unparsableFixes.push(item);
      else failures.crashes.push(item);
    }
    if (result.changed) stats.changed += 1;
    if (result.outputUnparsable) failures.outputUnparsable.push({ file: rel, error: result.outputUnparsable });
    if (result.nonIdempotent) failures.nonIdempotent.push({ file: rel, error: result.nonIdempotent });
    if (result.secondRunThrown) failures.secondRun.push({ file: rel, error: `second run threw: ${result.secondRunThrown}` });
    if (result.secondRunCrashes) failures.secondRun.push({ file: rel, error: `second run crashed: ${JSON.stringify(result.secondRunCrashes)}` });
    if (result.untouched) failures.untouched.push({ file: rel, error: result.untouched.join('; ') });
    if (result.hang) failures.hangs.push({ file: rel, error: `over ${args.fileTimeout} s` });
    if (result.workerDeath) failures.workerDeaths.push({ file: rel, error: result.workerDeath });
    if (out !== undefined) fs.writeSync(out, `${JSON.stringify({ ...result, size: entry.size })}\n`);
    if (!args.quiet && process.stderr.isTTY && stats.done % 200 === 0) process.stderr.write(`\r${stats.done}/${files.length} files`);
  };

  const spawn = (slot) => {
    const worker = new Worker(__filename, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    const state = { worker, ready: false, job: undefined, timer: undefined, dead: false };
    pool[slot] = state;
    const settle = (result) => {
      clearTimeout(state.timer);
      const job = state.job;
      state.job = undefined;
      if (job) record(job, result);
    };
    worker.on('message', (message) => {
      if (message.ready) {
        state.ready = true;
        dispatch(slot);
        return;
      }
      if (state.job && message.id === state.job.id) {
        settle(message);
        dispatch(slot);
      }
    });
    worker.on('error', (error) => {
      if (state.dead) return;
      state.dead = true;
      if (state.job) settle({ id: state.job.id, file: state.job.file, workerDeath: describe(error) });
      else if (!state.ready) {
        process.stderr.write(`worker failed to start: ${describe(error)}\n`);
        process.exit(2);
      }
      spawn(slot);
    });
    worker.on('exit', (code) => {
      if (state.dead) return;
      state.dead = true;
      if (state.job) settle({ id: state.job.id, file: state.job.file, workerDeath: `worker exited with code ${code}` });
      if (!finished && (next < files.length || state.job)) spawn(slot);
      else maybeFinish();
    });
  };

  const dispatch = (slot) => {
    const state = pool[slot];
    if (next >= files.length) {
      maybeFinish();
      return;
    }
    const entry = files[next];
    const id = next;
    next += 1;
    state.job = { ...entry, id };
    state.timer = setTimeout(() => {
      if (state.job?.id !== id) return;
      state.dead = true;
      const job = state.job;
      state.job = undefined;
      record(job, { id, file: job.file, hang: true, ms: args.fileTimeout * 1000 });
      state.worker.terminate();
      spawn(slot);
    }, args.fileTimeout * 1000);
    state.worker.postMessage({ id, file: entry.file });
  };

  const maybeFinish = () => {
    if (finished) return;
    if (stats.done < files.length) return;
    finished = true;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    for (const state of pool) {
      state.dead = true;
      state.worker.terminate();
    }
    if (out !== undefined) fs.closeSync(out);
    report();
  };

  const report = () => {
    const wall = (performance.now() - wallStart) / 1000;
    const hwm = peakFromProc();
    timings.sort((x, y) => y.totalMs - x.totalMs);
    const slow = timings.slice(0, args.slowest);
    const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)}`;
    const failureCount = (key) => failures[key].length;
    const rows = [
      ['directories', args.dirs.length],
      ['files', stats.files],
      ['MB (MiB)', `${(stats.bytes / 1e6).toFixed(1)} (${mib(stats.bytes)})`],
      ['skipped: > 512 KiB / .d.ts / symlink / not UTF-8', `${counts.skippedLarge} / ${counts.skippedDeclaration} / ${counts.skippedSymlink} / ${stats.notUtf8}`],
      ['no candidate text (not parsed)', stats.gated],
      ['parsed', stats.parsed],
      ['syntax errors (not failures)', stats.syntaxErrors],
      ['files with findings', stats.filesWithFindings],
      ['changed files', stats.changed],
      ['sites fixed', stats.findings.fixed],
      ['sites reported: refused / unknown / safe', `${stats.findings.refused} / ${stats.findings.unknown} / ${stats.findings.safe}`],
      ['  of the refused: deferred (overlapping fixes)', stats.deferred],
      ['FAIL thrown errors', failureCount('thrown')],
      ['FAIL crashes (crashed/crashed)', failureCount('crashes')],
      ['FAIL fixes dropped as unparsable (crashed/unparsable)', failureCount('unparsableFixes')],
      ['FAIL safety-net refusals (crashed/unsafe)', failureCount('netRefusals')],
      ['FAIL hangs (> ' + args.fileTimeout + ' s)', failureCount('hangs')],
      ['FAIL worker deaths', failureCount('workerDeaths')],
      ['FAIL non-idempotent outputs', failureCount('nonIdempotent')],
      ['FAIL second run threw/crashed', failureCount('secondRun')],
      ['FAIL outputs that do not parse', failureCount('outputUnparsable')],
      ['FAIL untouched-line violations', failureCount('untouched')],
      ['wall time', `${wall.toFixed(1)} s (${args.workers} workers)`],
      ['slowest file', slow[0] ? `${slow[0].file} (${slow[0].totalMs.toFixed(0)} ms)` : '-'],
      ['peak RSS, whole process (sampled / VmHWM)', `${mib(peakRss)} MiB / ${hwm ? mib(hwm) + ' MiB' : 'n/a'}`],
      ['peak worker heap used', `${mib(peakWorkerHeap)} MiB`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
    lines.push('', `slowest ${slow.length} files (whole check, ms; first run ms in brackets):`);
    for (const entry of slow) lines.push(`  ${entry.totalMs.toFixed(0).padStart(7)} [${entry.ms.toFixed(0)}]  ${entry.file}`);
    const allFailures = Object.entries(failures).filter(([, list]) => list.length > 0);
    if (allFailures.length > 0) {
      lines.push('', 'failures:');
      for (const [kind, list] of allFailures) {
        lines.push(`  ${kind} (${list.length}):`);
        for (const item of list.slice(0, 100)) {
          const where = item.line !== undefined ? `:${item.line}:${item.column}` : '';
          const detail = item.error ?? `${item.rule} ${item.messageId}: ${item.why ?? ''}`;
          lines.push(`    ${item.file}${where}  ${String(detail).split('\n').join('\n      ')}`);
        }
        if (list.length > 100) lines.push(`    … and ${list.length - 100} more`);
      }
    }
    if (syntaxErrorFiles.length > 0) {
      lines.push('', `syntax errors (${syntaxErrorFiles.length}, not failures):`);
      for (const item of syntaxErrorFiles.slice(0, 30)) lines.push(`  ${item.file}  ${item.error}`);
      if (syntaxErrorFiles.length > 30) lines.push(`  … and ${syntaxErrorFiles.length - 30} more`);
    }
    if (!args.quiet && process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(`${lines.join('\n')}\n`);
    const failed = allFailures.length > 0;
    process.exitCode = failed ? 1 : 0;
  };

  if (files.length === 0) {
    finished = true;
    clearInterval(sampler);
    report();
    return;
  }
  for (let slot = 0; slot < Math.min(args.workers, files.length); slot += 1) spawn(slot);
}
