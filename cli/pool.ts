// Spreads the files that passed the text prefilter over worker threads, one file in flight per
// worker, largest files first so that no core is left with a big file at the end. Each file has a
// time budget (--file-timeout): a worker past it is terminated and replaced; on the main thread the
// file runs under vm's timeout, which interrupts it the same way. Either way the file is an error.
// An interrupt runs no `finally` (V8 terminates the code): whatever the file's code was updating,
// a module being loaded included, is left half done. So after one the main thread transforms no
// more files, and a worker takes the rest of the queue.
// A file too deeply nested for the stack (Node's default, about 1 MB: @babel/parser gives out near
// 400 nested parentheses) is tried again at the end, in a worker with a stack of DEEP_STACK_MB.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { AnyRule } from '../transforms/engine/rule';
import { type FileOutcome, transformSource } from './engine';
import { afterFile, beforeFile } from './memory';
import type { WorkerJob, WorkerResult, WorkerSetup } from './worker';

export interface Job {
  path: string;
  source: string;
}

// A worker starts cold: loading babel, recast and the transforms, then warming up the JIT costs
// about a second of CPU. Measured on 2 cores, a second thread only paid off above a few megabytes
// of candidate files (3.5 MB: 2.5 s on one thread, 3.2 s on two).
const BYTES_PER_THREAD = 4 * 1024 * 1024;

export function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** threads taking part, the main thread included; never more than the cores (more only cost memory) */
export function chooseThreads(jobs: readonly Job[], requested: number | undefined): number {
  const cores = coreCount();
  if (requested !== undefined) return Math.max(1, Math.min(requested, cores, Math.max(jobs.length, 1)));
  const bytes = jobs.reduce((sum, job) => sum + job.source.length, 0);
  return Math.max(1, Math.min(cores, Math.ceil(bytes / BYTES_PER_THREAD), jobs.length));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** the stack of the worker that retries a file too deeply nested for the usual one: 20,000 nested parentheses parse */
export const DEEP_STACK_MB = 64;

export function timeoutMessage(ms: number): string {
  return `took longer than ${ms / 1000} s to transform, so it was stopped (--file-timeout ${ms / 1000}); left untouched`;
}

// One script and context for every file: the timeout is what it is for (vm stops the code it runs,
// functions of this context included, once the budget is spent).
let timedScript: { script: vm.Script; context: vm.Context } | undefined;

function runTimed<T>(work: () => T, ms: number): T {
  if (ms <= 0) return work();
  timedScript ??= { script: new vm.Script('work()'), context: vm.createContext({ work: undefined }) };
  timedScript.context.work = work;
  try {
    return timedScript.script.runInContext(timedScript.context, { timeout: ms }) as T;
  } finally {
    timedScript.context.work = undefined;
  }
}

function isTimeout(error: unknown): boolean {
  return (error as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

export interface PoolSettings {
  /** the per-file budget in milliseconds; 0 or absent: none */
  fileTimeoutMs?: number;
  /** tests: false: the main thread only hands out files while a worker lives */
  mainThreadWorks?: boolean;
  /** tests: a script to run in the workers instead of worker.ts */
  workerScript?: string;
}

// The main thread works through the queue too, from the first file on, while the workers start up;
// each worker takes the next file whenever it finishes one. Largest files go first. A worker that
// dies (out of memory, say) costs only the file it held, reported as an error; the others, or the
// main thread, finish the queue.
export async function runJobs(
  codemods: readonly AnyRule[],
  jobs: readonly Job[],
  options: Record<string, unknown>,
  threads: number,
  onDone: (outcome: FileOutcome) => void,
  testing: PoolSettings = {},
): Promise<void> {
  const mainThreadWorks = testing.mainThreadWorks ?? true;
  const fileTimeoutMs = testing.fileTimeoutMs ?? 0;
  const deadlines = new Map<Worker, NodeJS.Timeout>();
  const order = jobs.map((_, index) => index).sort((a, b) => jobs[b].source.length - jobs[a].source.length);
  let next = 0;
  const live = new Map<Worker, number | undefined>();
  /** why workers died before they held a file */
  const failedStarts: string[] = [];
  /** files the stack was too small for, and their outcome, to try again on a deep stack */
  const tooDeep = new Map<number, FileOutcome>();
  const retried = new Set<number>();
  /** once the queue holds only such files, only workers with a deep stack take them */
  const deepWorkers = new Set<Worker>();
  let deepPhase = false;
  const done = (id: number, outcome: FileOutcome) => {
    if (outcome.stackOverflow && !retried.has(id)) tooDeep.set(id, outcome);
    else onDone(outcome);
  };
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const feed = (worker: Worker) => {
    if (next >= order.length || (deepPhase && !deepWorkers.has(worker))) {
      live.set(worker, undefined);
      return;
    }
    const id = order[next++];
    live.set(worker, id);
    const job: WorkerJob = { id, path: jobs[id].path, source: jobs[id].source };
    worker.postMessage(job);
    if (fileTimeoutMs > 0) {
      deadlines.set(
        worker,
        setTimeout(() => {
          // the file never finishes: the worker goes with it, and a new one takes the rest of the queue
          lose(worker, timeoutMessage(fileTimeoutMs), false);
          void worker.terminate();
          if (next < order.length) spawn(deepWorkers.has(worker));
          notify();
        }, fileTimeoutMs),
      );
    }
  };

  // 'error' (an uncaught exception, out of memory) comes before 'exit'; a bare 'exit' is a
  // process.exit() in the thread. Either way the file it held is an error and the run goes on.
  const lose = (worker: Worker, reason: string, died = true) => {
    clearTimeout(deadlines.get(worker));
    deadlines.delete(worker);
    if (!live.has(worker)) return;
    const held = live.get(worker);
    live.delete(worker);
    if (died && held === undefined) failedStarts.push(reason);
    // (a deep retry that dies leaves the file as the first try found it)
    if (held !== undefined) onDone(died && tooDeep.has(held) ? tooDeep.get(held)! : { path: jobs[held].path, sites: [], parsed: true, error: died ? `the worker thread failed on this file: ${reason}` : reason });
    notify();
  };

  // Compiled (cli/load.cjs), this file is pool.js beside worker.js; from the sources, the worker needs register.cjs too.
  const entry = testing.workerScript ?? path.join(__dirname, 'worker');
  const preload = __filename.endsWith('.ts') && testing.workerScript === undefined ? `require(${JSON.stringify(path.join(__dirname, 'register.cjs'))}); ` : '';
  const setup: WorkerSetup = { transforms: codemods.map((codemod) => codemod.name), options: plainOptions(options) };
  const spawn = (deep = false) => {
    const worker = new Worker(`${preload}require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: setup,
      ...(deep ? { resourceLimits: { stackSizeMb: DEEP_STACK_MB } } : {}),
    });
    live.set(worker, undefined);
    if (deep) deepWorkers.add(worker);
    worker.on('message', (result: WorkerResult | { ready: true }) => {
      if (!live.has(worker)) return;
      clearTimeout(deadlines.get(worker));
      deadlines.delete(worker);
      if (!('ready' in result)) done(result.id, result.outcome);
      feed(worker);
      notify();
    });
    worker.on('error', (error) => lose(worker, error.message));
    worker.on('exit', (code) => lose(worker, `it exited with code ${code}`));
  };
  for (let i = 1; i < threads; i++) spawn();

  const busy = () => [...live.values()].some((held) => held !== undefined);
  let mainThreadInterrupted = false;
  try {
    for (;;) {
      const takers = deepPhase ? [...live.keys()].filter((worker) => deepWorkers.has(worker)).length : live.size;
      if ((mainThreadInterrupted || deepPhase) && takers === 0 && next < order.length) {
        // (a worker that cannot even start would be replaced for ever: three tries)
        if (failedStarts.length < 3) spawn(deepPhase);
        else {
          while (next < order.length) {
            const id = order[next++];
            onDone(tooDeep.get(id) ?? { path: jobs[id].path, sites: [], parsed: true, error: `not transformed: no worker thread could start (${failedStarts[0]})` });
          }
        }
      }
      while (next < order.length && !mainThreadInterrupted && !deepPhase && (mainThreadWorks || live.size === 0)) {
        const id = order[next++];
        beforeFile(jobs[id].source.length);
        let outcome: FileOutcome;
        try {
          outcome = runTimed(() => transformSource(codemods, jobs[id].path, jobs[id].source, options), fileTimeoutMs);
        } catch (error) {
          if (!isTimeout(error)) throw error;
          outcome = { path: jobs[id].path, sites: [], parsed: true, error: timeoutMessage(fileTimeoutMs) };
          mainThreadInterrupted = true;
        }
        afterFile(jobs[id].source.length);
        done(id, outcome);
        // Lets workers that finished a file pick the next one before the main thread takes it.
        if (live.size > 0) await yieldToEventLoop();
      }
      if (next >= order.length && !busy()) {
        if (tooDeep.size === retried.size) break;
        for (const id of tooDeep.keys()) {
          if (retried.has(id)) continue;
          retried.add(id);
          order.push(id);
        }
        deepPhase = true;
        continue;
      }
      if (live.size === 0) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const deadline of deadlines.values()) clearTimeout(deadline);
    await Promise.all([...live.keys()].map((worker) => worker.terminate()));
  }
}

// Only what survives structured cloning crosses to a worker (options come from the command line).
function plainOptions(options: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(options)) as Record<string, unknown>;
}
