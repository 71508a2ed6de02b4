export function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  // the caller reads the body, still bounded by the timer
  return fetch('https://search.example/?q=' + term, { signal: controller.signal });
}
