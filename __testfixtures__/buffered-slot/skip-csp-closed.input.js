import * as csp from 'js-csp';

// The consumer closes the channel when it gives up: the put is released already.
export function process(term) {
  const ch = csp.chan();
  csp.go(function* () {
    yield csp.put(ch, yield search(term));
  });
  return csp.go(function* () {
    const { value, channel } = yield csp.alts([ch, csp.timeout(100)]);
    if (channel !== ch) ch.close();
    return value;
  });
}
