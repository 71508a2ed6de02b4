// `if (timer) clearTimeout(timer)` tests the handle before the clear, not before the call: a late
// answer still calls `done` after the timer has. Not "already guarded".
export function process(term, done) {
  let timer = setTimeout(() => {
    timer = null;
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (timer) clearTimeout(timer);
    done(err, record);
  });
}
