// `subscriber.error(…)` is how the only listener hears of the timeout: not a log line. When the query
// fails, the timer may be all that tells the subscriber, so the clear is not moved.
export function watch(db, sql) {
  return new Observable((subscriber) => {
    (async () => {
      const timer = setTimeout(() => subscriber.error(new Error('query timed out')), 5000);
      subscriber.next(await db.query(sql));
      clearTimeout(timer);
      subscriber.complete();
    })();
  });
}
