// The producer already clears the timer, but when the timer fires first the late producer still
// calls `done` again.
declare function search(term: string, callback: (err: Error | null, record?: string) => void): void;

export function process(term: string, done: (err: Error | null, record?: string) => void): void {
  let settled = false;

  const doneOnce: typeof done = (...args) => {
    if (!settled) {
      settled = true;
      clearTimeout(timer);
      return done(...args);
    }
  };

  const timer = setTimeout(() => {
    doneOnce(new Error('search canceled'));
  }, 100);
  search(term, (err, record) => {
    clearTimeout(timer);
    doneOnce(err, record);
  });
}
