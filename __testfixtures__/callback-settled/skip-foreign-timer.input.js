// The timer is armed by an injected clock, not the platform's setTimeout: how it is cleared is the
// clock's business.
export function process(term, clock, done) {
  clock.setTimeout(() => {
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    done(err, record);
  });
}
