'use strict';
// npm run bench:track — what the leak tracker (track/) costs on timer-heavy work: each workload
// runs in a fresh process without and with `--import track/index.mjs`, median of BENCH_RUNS (3).
// The target is at most 2× on the workloads that arm a timer around every I/O operation. The two
// worst cases race timers against work that costs nothing (an immediate, or no work at all): there
// the tracker's one stack capture per timer is most of the time. It prints; it asserts nothing.
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const TRACKER = path.resolve(__dirname, '..', 'track', 'index.mjs');
const RUNS = Number(process.env.BENCH_RUNS) || 3;

const TIMEOUT = new Error('timed out');

// Listing 4's fix: the work raced by a timer that .finally() clears.
function withTimeout(work) {
  let timer;
  return Promise.race([work, new Promise((_, reject) => (timer = setTimeout(reject, 1000, TIMEOUT)))]).finally(() => clearTimeout(timer));
}

// Each returns after doing its operations; the process reports how long they took.
const WORKLOADS = {
  'race around fs.promises.stat (20k)': async () => {
    const fsp = require('node:fs/promises');
    for (let i = 0; i < 20_000; i++) await withTimeout(fsp.stat(__filename));
  },
  'race around a loopback TCP echo (10k)': async () => {
    const net = require('node:net');
    const server = net.createServer((socket) => socket.pipe(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const socket = net.connect(server.address().port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    for (let i = 0; i < 10_000; i++) {
      await withTimeout(
        new Promise((resolve) => {
          socket.once('data', resolve);
          socket.write('x');
        }),
      );
    }
    socket.destroy();
    server.close();
  },
  'AbortController + timer around fs.promises.readFile (10k)': async () => {
    const fsp = require('node:fs/promises');
    for (let i = 0; i < 10_000; i++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 1000);
      try {
        await fsp.readFile(__filename, { signal: controller.signal });
      } finally {
        clearTimeout(timer);
      }
    }
  },
  'race around setImmediate (50k), no I/O: worst case': async () => {
    for (let i = 0; i < 50_000; i++) await withTimeout(new Promise((resolve) => setImmediate(resolve, i)));
  },
  'setTimeout + clearTimeout (200k), nothing else: worst case': async () => {
    for (let i = 0; i < 200_000; i++) clearTimeout(setTimeout(() => {}, 1000));
  },
};

if (process.argv[2] === 'workload') {
  const workload = WORKLOADS[process.argv[3]];
  const started = process.hrtime.bigint();
  workload().then(() => {
    process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
  });
} else {
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const time = (name, tracked) => {
    const args = [...(tracked ? [`--import=${TRACKER}`] : []), __filename, 'workload', name];
    const env = { ...process.env, FORGOTTEN_SENDER_TRACK_REPORT: path.join(os.tmpdir(), 'forgotten-sender-bench-track', 'report'), FORGOTTEN_SENDER_TRACK_QUIET: '1' };
    delete env.NODE_OPTIONS;
    return Number(execFileSync(process.execPath, args, { env, encoding: 'utf8' }).trim());
  };
  const cpus = os.cpus();
  process.stdout.write(`machine: ${cpus.length} cores, ${cpus[0] ? cpus[0].model : 'unknown cpu'}, Node ${process.version}\nruns:    median of ${RUNS}\n\n`);
  const rows = [];
  for (const name of Object.keys(WORKLOADS)) {
    const plain = [];
    const tracked = [];
    for (let run = 0; run < RUNS; run++) {
      plain.push(time(name, false));
      tracked.push(time(name, true));
    }
    rows.push([name, median(plain), median(tracked)]);
  }
  const io = rows.filter(([name]) => !name.includes('worst case'));
  const worst = Math.max(...io.map(([, plain, tracked]) => tracked / plain));
  const width = Math.max(...rows.map(([name]) => name.length), 8);
  process.stdout.write(`| ${'workload'.padEnd(width)} | plain ms | tracked ms | slowdown |\n| ${'-'.repeat(width)} | -------: | ---------: | -------: |\n`);
  for (const [name, plain, tracked] of rows) {
    process.stdout.write(`| ${name.padEnd(width)} | ${plain.toFixed(0).padStart(8)} | ${tracked.toFixed(0).padStart(10)} | ${`${(tracked / plain).toFixed(2)}×`.padStart(8)} |\n`);
  }
  process.stdout.write(`\ntarget: ${worst <= 2 ? 'met' : 'missed'}  at most 2× around I/O: ${worst.toFixed(2)}× at worst\n`);
}
