// With --settle-on-work-rejection=true the rejection is handed to reject: the promise rejects with
// the work's error when the work fails, at once, instead of waiting for the timer.
export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
