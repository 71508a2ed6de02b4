// The timer rejects with an error that @hapi/boom builds: `Boom.internal(…)` only makes an error
// object, so clearing the timer once the race settles skips nothing but that.
'use strict';

const Boom = require('@hapi/boom');

exports.process = async function (term) {
  let timerHandle;
  const timer = new Promise((resolve, reject) => {
    const handler = () => {
      reject(Boom.internal(`search of ${term} canceled`));
    };

    timerHandle = setTimeout(handler, 100);
  });

  try {
    return await Promise.race([timer, search(term)]);
  } finally {
    clearTimeout(timerHandle);
  }
};
