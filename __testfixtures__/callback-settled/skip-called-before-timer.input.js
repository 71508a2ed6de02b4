// The producer starts before the timer is armed and may call back synchronously.
export function process(term, done) {
  search(term, (err, record) => done(err, record));
  setTimeout(() => done(new Error('search canceled')), 100);
}
