export function process(term, done) {
  const timer = setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => done(err, record));
  return timer;
}
