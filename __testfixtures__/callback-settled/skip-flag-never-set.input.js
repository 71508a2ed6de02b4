// Every call tests the flag, but nothing ever sets it: it guards nothing, and the callback is
// called twice when the timer fires first. Not "already guarded".
export function process(term, done) {
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (settled) return;
    clearTimeout(timer);
    done(err, record);
  });
}
