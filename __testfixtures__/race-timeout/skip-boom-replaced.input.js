// The file replaces `Boom.internal` with a function of its own that counts timeouts: the call is
// no longer only an error built, so the timer is not cleared.
'use strict';

const Boom = require('@hapi/boom');

const counts = { timeouts: 0 };
Boom.internal = (message) => {
  counts.timeouts += 1;
  return new Error(message);
};

exports.process = async function (term) {
  const timer = new Promise((resolve, reject) => {
    setTimeout(() => reject(Boom.internal('search timed out')), 100);
  });

  return await Promise.race([timer, search(term)]);
};
