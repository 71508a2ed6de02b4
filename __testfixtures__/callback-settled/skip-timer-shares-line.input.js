export function process(term, done) {
  const started = Date.now(); setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => done(err, record, started));
}
