// The delay is what is left of a deadline: `Date.now()` and `Math.max` neither throw nor do
// anything else, so the inlined timer reads the same delay at the same moment.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const deadline = Date.now() + 100;

export function process(term) {
  return Promise.race([search(term), delay(Math.max(0, deadline - Date.now())).then(() => 'cached value')]);
}
