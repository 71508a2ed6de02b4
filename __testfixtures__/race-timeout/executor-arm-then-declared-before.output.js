// An inline timer arm held by a const right before the race, which takes it through `.then()`:
// the handle is declared before that const, where the timer is armed.
export function process(term) {
  let timerHandle;
  const timeout = new Promise((_, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
  });
  return Promise.race([search(term), timeout.then((value) => value)]).finally(() =>
    clearTimeout(timerHandle),
  );
}
