// The helper is destructured from a require of `./utils`, whose index passes on the exports of
// `./timers`: the race gets its timer inline, and the require stays for the call that is not raced.
const { later } = require('./utils');

exports.process = async function process(term) {
  const first = await Promise.race([search(term), later(100, 'cached value')]);
  await later(0);
  return first;
};
