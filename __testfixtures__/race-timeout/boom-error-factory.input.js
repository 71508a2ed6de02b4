// The timer rejects with an error that @hapi/boom builds: `Boom.internal(…)` only makes an error
// object, so clearing the timer once the race settles skips nothing but that.
'use strict';

const Boom = require('@hapi/boom');

exports.process = async function (term) {
  const timer = new Promise((resolve, reject) => {
    const handler = () => {
      reject(Boom.internal(`search of ${term} canceled`));
    };

    setTimeout(handler, 100);
  });

  return await Promise.race([timer, search(term)]);
};
