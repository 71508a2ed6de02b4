export function process(term, done) {
  setTimeout(() => done(new Error('search canceled')), 100);
  done = wrapWithLogging(done);
  search(term, (err, record) => done(err, record));
}
