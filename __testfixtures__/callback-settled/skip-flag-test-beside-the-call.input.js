// The flag is tested in an `if` that only logs: the call after it runs either way, so the flag
// does not decide it. Not "already guarded".
export function process(term, done) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (timedOut) console.log('late answer');
    clearTimeout(timer);
    done(err, record);
  });
}
