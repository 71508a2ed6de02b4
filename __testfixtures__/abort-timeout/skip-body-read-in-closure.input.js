// The body is read by a closure that may run after the block: clearing the timer on the way out
// would leave that later read unbounded.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  const read = async () => await response.text();
  return read();
}
