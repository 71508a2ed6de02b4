// The delay is computed by a call: inlined, it would run inside the timer's executor, where a throw
// rejects the timer's promise instead of throwing from the call.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function process(term, settings) {
  return Promise.race([search(term), delay(settings.timeout())]);
}
