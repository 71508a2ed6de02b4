// A sleep helper required from a module whose top level constructs something (`new Registry()`
// runs a constructor as it loads): the race gets the timer inline, and the require stays as
// `require('./helpers/delay');`, so the module still loads.
'use strict';

require('./helpers/delay');

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
