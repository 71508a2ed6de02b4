// A `let` flag that only the timer reads is not a settled flag: the producer hands `done` on
// (`.catch(done)`) without reading it. The timer does more than call done: reported as such.
export function check(work, done) {
  let fulfilled = false;
  work.then(() => {
    fulfilled = true;
  }).catch(done);
  setTimeout(() => {
    console.log(fulfilled);
    done();
  }, 100);
}
