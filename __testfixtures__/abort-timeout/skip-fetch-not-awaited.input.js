export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  // kept as a promise: it is still running when this block is left
  const pending = fetch('https://search.example/?q=' + term, { signal: controller.signal });
  log('search started');
  return pending.then((response) => response.text());
}
