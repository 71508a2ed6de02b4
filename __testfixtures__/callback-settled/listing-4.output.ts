// Listing 4 of "Goroutine Leaks — The Forgotten Sender", in callback style. The timer reports
// "search canceled" after 100 ms, and the late search then calls `done` a second time; when search
// wins, the timer still fires and calls `done` again.
type Callback = (err: Error | null, record?: string) => void;

declare function search(term: string, callback: Callback): void;

// process is the work for the program. It finds a record
// then passes it on. It fails if it takes more than 100ms.
export function process(term: string, done: (err: Error | null, record?: string) => void): void {
  let settled = false;
  let timerHandle: ReturnType<typeof setTimeout>;

  const doneOnce: typeof done = (...args) => {
    if (!settled) {
      settled = true;
      clearTimeout(timerHandle);
      return done(...args);
    }
  };

  // Give up after 100 ms.
  timerHandle = setTimeout(() => doneOnce(new Error('search canceled')), 100);

  search(term, (err, record) => {
    if (err) {
      return doneOnce(err);
    }
    console.log('Received:', record);
    doneOnce(null, record);
  });
}
