'use strict';
// Stands in for cli/worker.ts in test/cli.test.ts: answers each file with an empty outcome, except
// the files named to kill it, so that the pool's handling of a dying worker can be watched.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', (job) => {
  const name = job.path;
  if (name === 'throw.ts') throw new Error('a transform bug that escaped');
  if (name === 'exit.ts') process.exit(3);
  parentPort.postMessage({ id: job.id, outcome: { path: job.path, sites: [], parsed: true } });
});
parentPort.postMessage({ ready: true });
