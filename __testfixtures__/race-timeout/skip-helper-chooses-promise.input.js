// The helper chooses between a timer and a promise that never settles at each call: inlining it would
// copy that choice into the race. In JavaScript it is not given a new parameter either (a caller may
// already pass a second argument, which it would take for a signal). Reported, with the helper to change.
const delay = (duration) =>
  isFinite(duration) ? new Promise((resolve) => setTimeout(resolve, duration)) : new Promise(() => undefined);

const SEARCH_TIMEOUT = 100;

export function process(term) {
  return Promise.race([search(term), delay(SEARCH_TIMEOUT)]);
}
