// A sync throw of searchCallback would leave the timer armed, but the `try` the fix puts around the
// statements after the timer would hide `canceled`, which the timer's callback reads: a warning.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(canceled), 100);
    const canceled = new Error(`search for ${term} canceled`);
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
