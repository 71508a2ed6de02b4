// `Boom.internal(message, cause)` boomifies the Error it is handed as data: it rewrites its message
// and marks it. Clearing the timer would skip that change to `cause`, so the timer is not cleared.
'use strict';

const Boom = require('@hapi/boom');

exports.process = async function (term, cause) {
  const timer = new Promise((resolve, reject) => {
    setTimeout(() => reject(Boom.internal('search timed out', cause)), 100);
  });

  return await Promise.race([timer, search(term)]);
};
