// A sleep helper required from another file of the repository (CommonJS): the race gets its timer
// inline, and the require it no longer needs goes.
'use strict';

async function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}

module.exports = { process };
