// Spreads the files that passed the text prefilter over worker threads, one file in flight per
// worker, largest files first so that no core is left with a big file at the end.
import * as os from 'node:os';
import * as path from 'node:path';
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

/** threads taking part, the main thread included */
export function chooseThreads(jobs: readonly Job[], requested: number | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (requested !== undefined) return Math.max(1, Math.min(requested, Math.max(jobs.length, 1)));
  const bytes = jobs.reduce((sum, job) => sum + job.source.length, 0);
  return Math.max(1, Math.min(cores, Math.ceil(bytes / BYTES_PER_THREAD), jobs.length));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  testing: {
    /** false: the main thread only hands out files while a worker lives */
    mainThreadWorks?: boolean;
    /** a script to run in the workers instead of worker.ts */
    workerScript?: string;
  } = {},
): Promise<void> {
  const mainThreadWorks = testing.mainThreadWorks ?? true;
  const order = jobs.map((_, index) => index).sort((a, b) => jobs[b].source.length - jobs[a].source.length);
  let next = 0;
  const live = new Map<Worker, number | undefined>();
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const feed = (worker: Worker) => {
    if (next >= order.length) {
      live.set(worker, undefined);
      return;
    }
    const id = order[next++];
    live.set(worker, id);
    const job: WorkerJob = { id, path: jobs[id].path, source: jobs[id].source };
    worker.postMessage(job);
  };

  if (threads > 1) {
    // Compiled (cli/load.cjs), this file is pool.js beside worker.js; from the sources, the worker needs register.cjs too.
    const entry = testing.workerScript ?? path.join(__dirname, 'worker');
    const preload = __filename.endsWith('.ts') && testing.workerScript === undefined ? `require(${JSON.stringify(path.join(__dirname, 'register.cjs'))}); ` : '';
    const setup: WorkerSetup = { transforms: codemods.map((codemod) => codemod.name), options: plainOptions(options) };
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(`${preload}require(${JSON.stringify(entry)});`, {
        eval: true,
        workerData: setup,
      });
      live.set(worker, undefined);
      worker.on('message', (result: WorkerResult | { ready: true }) => {
        if (!('ready' in result)) onDone(result.outcome);
        feed(worker);
        notify();
      });
      // 'error' (an uncaught exception, out of memory) comes before 'exit'; a bare 'exit' is a
      // process.exit() in the thread. Either way the file it held is an error and the run goes on.
      const lose = (reason: string) => {
        if (!live.has(worker)) return;
        const held = live.get(worker);
        live.delete(worker);
        if (held !== undefined) onDone({ path: jobs[held].path, sites: [], parsed: true, error: `the worker thread failed on this file: ${reason}` });
        notify();
      };
      worker.on('error', (error) => lose(error.message));
      worker.on('exit', (code) => lose(`it exited with code ${code}`));
    }
  }

  const busy = () => [...live.values()].some((held) => held !== undefined);
  try {
    for (;;) {
      while (next < order.length && (mainThreadWorks || live.size === 0)) {
        const id = order[next++];
        beforeFile(jobs[id].source.length);
        const outcome = transformSource(codemods, jobs[id].path, jobs[id].source, options);
        afterFile(jobs[id].source.length);
        onDone(outcome);
        // Lets workers that finished a file pick the next one before the main thread takes it.
        if (live.size > 0) await yieldToEventLoop();
      }
      if (next >= order.length && !busy()) break;
      if (live.size === 0) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    await Promise.all([...live.keys()].map((worker) => worker.terminate()));
  }
}

// Only what survives structured cloning crosses to a worker (options come from the command line).
function plainOptions(options: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(options)) as Record<string, unknown>;
}
