import csp from 'js-csp';

// Every term's result goes through one channel: more than one put.
export function process(terms) {
  const ch = csp.chan();
  csp.go(function* () {
    for (const term of terms) {
      yield csp.put(ch, yield search(term));
    }
  });
  return csp.go(function* () {
    return yield csp.alts([ch, csp.timeout(100)]);
  });
}
