// Spreads the files that passed the text prefilter over worker threads, one file in flight per
// worker, largest files first so that no core is left with a big file at the end.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Options } from 'jscodeshift';
import type { Codemod } from '../transforms/lib/codemod';
import { type FileOutcome, transformSource } from './engine';
import type { WorkerJob, WorkerResult, WorkerSetup } from './worker';

export interface Job {
  path: string;
  source: string;
}

// Starting a worker (babel, recast, the transforms) costs about as much as parsing half a megabyte;
// below that a second thread does not pay for itself.
const BYTES_PER_WORKER = 512 * 1024;

export function chooseThreads(jobs: readonly Job[], requested: number | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (requested !== undefined) return Math.max(1, Math.min(requested, Math.max(jobs.length, 1)));
  const bytes = jobs.reduce((sum, job) => sum + job.source.length, 0);
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER), jobs.length));
}

export async function runJobs(
  codemods: readonly Codemod[],
  jobs: readonly Job[],
  options: Options,
  threads: number,
  onDone: (outcome: FileOutcome) => void,
): Promise<void> {
  if (threads <= 1) {
    for (const job of jobs) onDone(transformSource(codemods, job.path, job.source, options));
    return;
  }

  const order = jobs.map((_, index) => index).sort((a, b) => jobs[b].source.length - jobs[a].source.length);
  const register = path.join(__dirname, 'register.cjs');
  const entry = path.join(__dirname, 'worker.ts');
  const setup: WorkerSetup = { transforms: codemods.map((codemod) => codemod.name), options: plainOptions(options) };
  let next = 0;
  let remaining = jobs.length;

  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker) => {
      if (next >= order.length) return;
      const id = order[next++];
      const job: WorkerJob = { id, path: jobs[id].path, source: jobs[id].source };
      worker.postMessage(job);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`, {
        eval: true,
        workerData: setup,
      });
      workers.push(worker);
      worker.on('message', (result: WorkerResult) => {
        onDone(result.outcome);
        remaining--;
        if (remaining === 0) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}

// Only what survives structured cloning crosses to a worker (options come from the command line).
function plainOptions(options: Options): Options {
  return JSON.parse(JSON.stringify(options)) as Options;
}
