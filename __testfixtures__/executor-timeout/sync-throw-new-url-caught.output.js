// Every settle clears the timer, but `new URL(…)` and the callback API after it may throw and reject
// the promise past them, with the timer armed. The statements after the timer go in a `try` whose
// `catch` clears it and throws on: `query`, declared there, is used nowhere else.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    try {
      console.log('searching', term);
      const query = new URL(`?q=${term}`, 'https://search.example/');
      searchCallback(query.searchParams.get('q'), (error, record) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(record);
      });
    } catch (err) {
      clearTimeout(timer);
      throw err;
    }
  });
}
