'use strict';
// Stands in for cli/worker.ts in test/cli-robustness.test.ts: answers each file with an empty
// outcome, except hang.ts, on which it spins forever, so that the pool's time budget can be watched.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', (job) => {
  if (job.path === 'hang.ts') for (;;);
  parentPort.postMessage({ id: job.id, outcome: { path: job.path, sites: [], parsed: true } });
});
parentPort.postMessage({ ready: true });
