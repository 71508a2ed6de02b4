// Listing 4 in JavaScript, callback style: the timer and the late search both call `done`.
export function process(term, done) {
  let settled = false;
  let timerHandle;

  const doneOnce = (...args) => {
    if (!settled) {
      settled = true;
      clearTimeout(timerHandle);
      return done(...args);
    }
  };

  timerHandle = setTimeout(() => doneOnce(new Error('search canceled')), 100);

  search(term, (err, record) => {
    if (err) {
      return doneOnce(err);
    }
    console.log('Received:', record);
    doneOnce(null, record);
  });
}
