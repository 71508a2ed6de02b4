// A sync throw of searchCallback would leave the timer armed, but the timer's callback logs before
// it rejects: clearing it after the throw would skip that log. A warning.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      console.warn('search timed out');
      reject(new Error('search canceled'));
    }, 100);
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
