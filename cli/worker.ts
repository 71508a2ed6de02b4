// A worker thread: loads the registry and jscodeshift once, then transforms the files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { registry } from '../transforms/registry';
import { type FileOutcome, transformSource } from './engine';
import { afterFile, beforeFile } from './memory';

export interface WorkerSetup {
  transforms: string[];
  options: Record<string, unknown>;
}

export interface WorkerJob {
  id: number;
  path: string;
  source: string;
}

export interface WorkerResult {
  id: number;
  outcome: FileOutcome;
}

const setup = workerData as WorkerSetup;
const codemods = registry.filter((codemod) => setup.transforms.includes(codemod.name));

parentPort?.on('message', (job: WorkerJob) => {
  let outcome: FileOutcome;
  try {
    beforeFile(job.source.length);
    outcome = transformSource(codemods, job.path, job.source, setup.options);
    afterFile(job.source.length);
  } catch (error) {
    outcome = { path: job.path, sites: [], parsed: true, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result: WorkerResult = { id: job.id, outcome };
  parentPort?.postMessage(result);
});

// Loaded and listening: the pool sends the first file only now, so the main thread is not kept
// waiting on a file queued behind a worker's start-up.
parentPort?.postMessage({ ready: true });
