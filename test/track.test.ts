// The leak tracker (track/), in child processes of its own: what it counts for each site, and
// that a program behaves the same with it as without it. Every race here is settled by work that
// is already done; no assertion waits for a timer to win.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackedSite as Site } from '../cli/verify/sites';
import { createTempDir, removeTempDirs } from './harness';

const TRACKER = path.resolve(__dirname, '..', 'track', 'index.mjs');

afterEach(removeTempDirs);

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  sites: Site[];
  dir: string;
}

function run(source: string, { tracked = true, env = {}, args = [] as string[] } = {}): Run {
  const dir = createTempDir('forgotten-sender-track-', { 'main.mjs': source });
  const result = spawnSync(process.execPath, [...(tracked ? [`--import=${TRACKER}`] : []), ...args, 'main.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: undefined, FORGOTTEN_SENDER_TRACK_REPORT: undefined, FORGOTTEN_SENDER_TRACK_QUIET: undefined, ...env },
  });
  const reports = fs.readdirSync(dir).filter((name) => name.startsWith('forgotten-sender-track.'));
  const sites = reports.flatMap((name) => (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { sites: Site[] }).sites);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, sites, dir };
}

/** the sites of main.mjs, by kind and line */
function sitesAt(runResult: Run, kind: string, line: number): Site[] {
  return runResult.sites.filter((site) => site.kind === kind && site.line === line && site.file.endsWith('main.mjs'));
}

const WORK = `const work = (value) => Promise.resolve(value);\n`;

describe('leaks counted by site', () => {
  it('work wins: a race whose timer nobody clears leaves it live after the race settles', () => {
    const result = run(`${WORK}for (let i = 0; i < 4; i++) {
  await Promise.race([work(i), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 40))]);
}
`);
    expect(result.status).toBe(0);
    expect(sitesAt(result, 'setTimeout', 3)).toEqual([
      { file: path.join(fs.realpathSync(result.dir), 'main.mjs'), line: 3, column: 59, kind: 'setTimeout', armed: 4, liveAfterSettle: 4, liveAtExit: 0, leaked: 4 },
    ]);
  });

  it('work wins: a timer cleared in .finally() on the race is released', () => {
    const result = run(`${WORK}for (let i = 0; i < 4; i++) {
  let timer;
  await Promise.race([work(i), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('late')), 40); })]).finally(() => clearTimeout(timer));
}
`);
    expect(sitesAt(result, 'setTimeout', 4)).toMatchObject([{ armed: 4, liveAfterSettle: 0, liveAtExit: 0, leaked: 0 }]);
  });

  it('work wins: a timer cleared in a finally block after the await is released', () => {
    const result = run(`${WORK}async function find(i) {
  let timer;
  try {
    return await Promise.race([work(i), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('late')), 40); })]);
  } finally {
    clearTimeout(timer);
  }
}
for (let i = 0; i < 3; i++) await find(i);
`);
    expect(sitesAt(result, 'setTimeout', 5)).toMatchObject([{ armed: 3, liveAfterSettle: 0, leaked: 0 }]);
  });

  it('work wins: a new Promise executor that arms a timer beside the work leaves it live after it settles', () => {
    const result = run(`${WORK}await new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('late')), 40);
  work(1).then(resolve, reject);
});
`);
    expect(sitesAt(result, 'setTimeout', 3)).toMatchObject([{ armed: 1, liveAfterSettle: 1, leaked: 1 }]);
  });

  it('timeout wins: a timer that settles the race is released, not a leak', () => {
    const result = run(`await Promise.race([new Promise(() => {}), new Promise((resolve) => setTimeout(resolve, 1))]);
`);
    expect(sitesAt(result, 'setTimeout', 1)).toMatchObject([{ armed: 1, liveAfterSettle: 0, leaked: 0 }]);
  });

  it('timers/promises: a sleep raced by work stays armed after the race, unless aborted', () => {
    const result = run(`import { setTimeout as sleep } from 'node:timers/promises';
${WORK}await Promise.race([work(1), sleep(40, 'late')]);
const controller = new AbortController();
await Promise.race([work(2), sleep(40, 'late', { signal: controller.signal }).catch(() => {})]).finally(() => controller.abort());
const aborted = new AbortController();
await Promise.race([work(3), sleep(40, 'late', { signal: aborted.signal })]).finally(() => aborted.abort());
`);
    expect(sitesAt(result, 'timers/promises.setTimeout', 3)).toMatchObject([{ armed: 1, liveAfterSettle: 1, leaked: 1 }]);
    expect(sitesAt(result, 'timers/promises.setTimeout', 7)).toMatchObject([{ armed: 1, liveAfterSettle: 0, leaked: 0 }]);
  });

  it('an abort timer that fires after the fetch and its body are done is a leak; one cleared is not', () => {
    const result = run(`async function get(url, clear) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20);
  try {
    const response = await fetch(url, { signal: controller.signal });
    return await response.text();
  } finally {
    if (clear) clearTimeout(timer);
  }
}
console.log(await get('data:,a', false), await get('data:,b', true));
`);
    expect(result.stdout).toBe('a b\n');
    expect(sitesAt(result, 'setTimeout', 3)).toMatchObject([{ armed: 2, liveAfterSettle: 1, liveAtExit: 0, leaked: 1 }]);
    expect(sitesAt(result, 'AbortController', 2)).toMatchObject([{ armed: 2, liveAtExit: 1 }]);
  });

  it('a once() listener left by a race the timer won is live after the race; one removed is not', () => {
    const result = run(`import { EventEmitter, once } from 'node:events';
const bus = new EventEmitter();
await Promise.race([once(bus, 'ready'), new Promise((resolve) => setTimeout(resolve, 1))]);
const controller = new AbortController();
await Promise.race([once(bus, 'ready', { signal: controller.signal }).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1))]).finally(() => controller.abort());
`);
    // once() adds an 'error' listener beside the 'ready' one: both stay
    expect(sitesAt(result, 'once', 3)).toMatchObject([{ armed: 2, liveAfterSettle: 2, liveAtExit: 2, leaked: 2 }]);
    expect(sitesAt(result, 'once', 5).reduce((sum, site) => sum + site.leaked, 0)).toBe(0);
  });

  it('a timer still armed at exit is counted there, unref or not', () => {
    const result = run(`setTimeout(() => {}, 60_000).unref();
setInterval(() => {}, 60_000).unref();
`);
    expect(sitesAt(result, 'setTimeout', 1)).toMatchObject([{ armed: 1, liveAfterSettle: 0, liveAtExit: 1, leaked: 1 }]);
    expect(sitesAt(result, 'setInterval', 2)).toMatchObject([{ armed: 1, liveAtExit: 1, leaked: 1 }]);
  });

  it('a timer made inside a package is charged to the first line of the program that called it', () => {
    const dir = createTempDir('forgotten-sender-track-', {
      'node_modules/delay/index.js': `exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n`,
      'main.cjs': `const { delay } = require('delay');\nPromise.race([Promise.resolve(1), delay(30)]);\n`,
    });
    spawnSync(process.execPath, [`--import=${TRACKER}`, 'main.cjs'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: undefined, FORGOTTEN_SENDER_TRACK_REPORT: path.join(dir, 'out', 'report') } });
    const [report] = fs.readdirSync(path.join(dir, 'out'));
    expect(report).toMatch(/^report\.\d+\.json$/);
    const { sites } = JSON.parse(fs.readFileSync(path.join(dir, 'out', report), 'utf8')) as { sites: Site[] };
    expect(sites.filter((site) => site.kind === 'setTimeout')).toMatchObject([{ line: 2, column: 35, armed: 1, liveAfterSettle: 1 }]);
    expect(sites.every((site) => site.file.endsWith('main.cjs'))).toBe(true);
  });
});

describe('sites told apart', () => {
  it('two sites arming the same short callback are counted apart on every call', () => {
    const result = run(`const a = (c) => setTimeout(() => {}, 1);
const b = (c) => setTimeout(() => {}, 1);
for (let i = 0; i < 40; i++) a();
for (let i = 0; i < 25; i++) b();
`);
    expect(sitesAt(result, 'setTimeout', 1)).toMatchObject([{ armed: 40 }]);
    expect(sitesAt(result, 'setTimeout', 2)).toMatchObject([{ armed: 25 }]);
  });

  it('a long callback copied to a second site is found there by a check, and counted there from then on', () => {
    const callback = "() => console.error(new Error('the lookup of the record timed out'))";
    const result = run(`const a = () => clearTimeout(setTimeout(${callback}, 1));
const b = () => clearTimeout(setTimeout(${callback}, 1));
for (let i = 0; i < 40; i++) a();
for (let i = 0; i < 60; i++) b();
`);
    const [first] = sitesAt(result, 'setTimeout', 1);
    const [second] = sitesAt(result, 'setTimeout', 2);
    expect(first.armed + second.armed).toBe(100);
    expect(second.armed).toBeGreaterThanOrEqual(60 - 15);
  });
});

describe('the report', () => {
  it('goes to forgotten-sender-track.<pid>.json in the working directory, its path on stderr', () => {
    const result = run(`setTimeout(() => {}, 1);\n`);
    const [name] = fs.readdirSync(result.dir).filter((file) => file.startsWith('forgotten-sender-track.'));
    expect(name).toMatch(/^forgotten-sender-track\.\d+\.json$/);
    expect(result.stderr).toBe(`forgotten-sender track: ${path.join(fs.realpathSync(result.dir), name)}\n`);
    expect(run(`setTimeout(() => {}, 1);\n`, { env: { FORGOTTEN_SENDER_TRACK_QUIET: '1' } }).stderr).toBe('');
  });

  it('is written when a test runner stops the process with SIGTERM, which still ends it', () => {
    const result = run(`setTimeout(() => {}, 60_000);\nprocess.kill(process.pid, 'SIGTERM');\n`);
    expect(result.signal).toBe('SIGTERM');
    expect(sitesAt(result, 'setTimeout', 1)).toMatchObject([{ liveAtExit: 1 }]);
  });
});

describe('the program behaves as without the tracker', () => {
  // Everything observable that the tracker touches: order of timers, microtasks and reactions,
  // `this` and arguments of callbacks, ref state, promise identity, unhandled rejections.
  const PROBE = `import { promisify } from 'node:util';
import { setTimeout as nodeSetTimeout } from 'node:timers';
const log = [];
const order = (label) => log.push(label);
const t1 = setTimeout(function (a, b) { order(['t1', this === t1, a, b]); }, 1, 'x', 'y');
const t2 = nodeSetTimeout(() => order('t2'), 1);
const t3 = setTimeout(() => order('t3'), 1);
order(['refs', t1.hasRef(), t2.unref().hasRef(), t3.hasRef()]);
const i1 = setInterval(() => { order('i1'); clearInterval(i1); }, 1);
const p = Promise.resolve(1);
order(['identity', Promise.resolve(p) === p, p instanceof Promise, typeof Promise.race, Promise.name]);
Promise.race([p, 2]).then((v) => order(['race', v]));
new Promise((resolve) => resolve(3)).then((v) => order(['executor', v]));
const settled = new Promise((resolve, reject) => { setTimeout(() => reject(new Error('late')), 3); resolve('first'); });
settled.then((v) => order(['settled', v]));
queueMicrotask(() => order('microtask'));
process.nextTick(() => order('tick'));
(async () => { await null; order('await 1'); await null; order('await 2'); })();
order(['promisified', await promisify(setTimeout)(1, 'v')]);
await new Promise((resolve) => setTimeout(resolve, 10));
class Sub extends Promise {}
order(['subclass', Sub.resolve(1) instanceof Sub, new Sub((r) => r(1)) instanceof Promise]);
try { new Promise(); } catch (error) { order(['no executor', error.constructor.name]); }
order(['active', process.getActiveResourcesInfo().filter((name) => name.startsWith('Timeout')).length]);
console.log(JSON.stringify(log));
process.on('unhandledRejection', (reason) => console.log('unhandled', reason.message));
new Promise((_, reject) => reject(new Error('nobody handles me')));
Promise.race([Promise.reject(new Error('nor me'))]);
new Promise(() => { throw new Error('thrown in the executor'); });
`;

  it('same order, arguments, refs, identities and unhandled rejections', () => {
    const plain = run(PROBE, { tracked: false });
    const tracked = run(PROBE, { env: { FORGOTTEN_SENDER_TRACK_QUIET: '1' } });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    expect(tracked.stdout).toBe(plain.stdout);
    expect(tracked.stderr).toBe('');
    expect(tracked.status).toBe(0);
    expect(plain.stdout).toContain('unhandled nobody handles me');
    expect(plain.stdout).toContain('unhandled thrown in the executor');
  });

  it('an unhandled rejection still ends the process', () => {
    const source = `new Promise((_, reject) => setTimeout(() => reject(new Error('boom')), 1));\n`;
    const plain = run(source, { tracked: false });
    const tracked = run(source, { env: { FORGOTTEN_SENDER_TRACK_QUIET: '1' } });
    expect(plain.status).toBe(1);
    expect(tracked.status).toBe(plain.status);
    expect(tracked.stderr).toContain('Error: boom');
  });
});
