// Listing 4 in JavaScript, callback style: the timer and the late search both call `done`.
export function process(term, done) {
  setTimeout(() => done(new Error('search canceled')), 100);

  search(term, (err, record) => {
    if (err) {
      return done(err);
    }
    console.log('Received:', record);
    done(null, record);
  });
}
