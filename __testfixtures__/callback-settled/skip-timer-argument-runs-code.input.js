// The timer's call counts its timeouts in its argument: dropped once the producer has called, the
// count would no longer go up.
let timeouts = 0;

export function process(term, done) {
  setTimeout(() => done(new Error(`search canceled #${++timeouts}`)), 100);
  search(term, done);
}
