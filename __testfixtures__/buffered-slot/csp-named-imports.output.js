const { alts, chan, go, put, timeout } = require('js-csp');

export function lookup(term) {
  const results = chan(1);
  go(function* () {
    yield put(results, yield search(term));
  });
  return go(function* () {
    const { value, channel } = yield alts([results, timeout(100)]);
    return channel === results ? value : new Error('search canceled');
  });
}
