// `done` is also called by a function declaration, hoisted, that runs before the timer is armed:
// a guard declared with the timer would not be initialised there.
export function process(term, done) {
  check();
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, done);
  function check() {
    if (!term) done(new Error('empty term'));
  }
}
