// Every call is guarded by a flag, and the producer's path clears the timer: nothing is left.
export function process(term, done) {
  let finished = false;
  const timer = setTimeout(() => {
    if (finished) return;
    finished = true;
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(err, record);
  });
}
