// `Boom` here is a local object whose `internal` may do anything (it logs): clearing the timer would
// skip that call, so the timer is not cleared.
'use strict';

const Boom = {
  internal(message) {
    console.error(message);
    return new Error(message);
  },
};

exports.process = async function (term) {
  const timer = new Promise((resolve, reject) => {
    setTimeout(() => reject(Boom.internal('search canceled')), 100);
  });

  return await Promise.race([timer, search(term)]);
};
