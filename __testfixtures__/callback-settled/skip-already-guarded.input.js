export function process(term, done) {
  let finished = false;
  setTimeout(() => {
    if (finished) return;
    finished = true;
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (finished) return;
    finished = true;
    done(err, record);
  });
}
