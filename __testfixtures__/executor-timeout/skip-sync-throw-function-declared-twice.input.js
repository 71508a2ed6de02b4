// `label` is declared above the timer and again below it: in a `try` block the second declaration
// would no longer be the one `label()` above reads. A warning.
export function process(term) {
  return new Promise((resolve, reject) => {
    function label() {
      return 'first';
    }
    const prefix = label();
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(prefix + term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
    function label() {
      return 'second';
    }
  });
}
