// The handle is its own settled flag: the timer empties it before calling back, and the producer
// calls back only while it is set, clearing it first.
export function process(term, done) {
  let timer = setTimeout(() => {
    timer = null;
    done(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    done(err, record);
  });
}
