// `port.onmessage = …` runs at every message: a settled flag would drop every message after the
// first.
export function watch(port, done) {
  setTimeout(() => done(new Error('no message within 100 ms')), 100);
  port.onmessage = (event) => done(null, event.data);
}
