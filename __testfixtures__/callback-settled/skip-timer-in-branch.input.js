export function process(term, done, ms) {
  if (ms > 0) setTimeout(() => done(new Error('search canceled')), ms);
  search(term, (err, record) => done(err, record));
}
