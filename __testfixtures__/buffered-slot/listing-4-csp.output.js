// Listing 4 with js-csp, the closest JavaScript has to Go's channels: `csp.chan()` is
// `make(chan result)`, `csp.go` launches the goroutine, and `csp.alts` is the select. As in Go, an
// alts that the timeout wins withdraws its take, and the goroutine stays parked on its put forever.
import csp from 'js-csp';

// process is the work for the program. It finds a record
// then prints it. It fails if it takes more than 100ms.
export function process(term) {
  // Make a channel for the goroutine to report its result.
  const ch = csp.chan(1);

  // Launch a goroutine to find the record. Create a result
  // from the returned values to send through the channel.
  csp.go(function* () {
    const [record, err] = yield search(term);
    yield csp.put(ch, { record, err });
  });

  // Block waiting to either receive from the goroutine's
  // channel or for the timeout.
  return csp.go(function* () {
    const { value: result, channel } = yield csp.alts([ch, csp.timeout(100)]);
    if (channel !== ch) {
      return new Error('search canceled');
    }
    if (result.err) {
      return result.err;
    }
    console.log('Received:', result.record);
    return null;
  });
}
