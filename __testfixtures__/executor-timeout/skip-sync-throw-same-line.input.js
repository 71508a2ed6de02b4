// The call that may throw shares the timer's line: the `try` is written in whole lines, and would
// take the timer's statement in with it. A warning.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100); searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
