'use strict';
// Stands in for cli/worker.ts in test/cli-robustness.test.ts: a worker that dies before it is
// ready, as one would whose modules fail to load, so that the pool's limit on replacing it shows.
process.exit(3);
