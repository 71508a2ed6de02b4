// The returned chain's .finally() clears the timer, but the cached answer returns before the chain
// is built, with the timer left armed: reported, not taken as already cleared.
const cache = new Map();
export function search(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  if (cache.has(term)) return Promise.resolve(cache.get(term));
  return fetch('https://search.example/?q=' + term, { signal: controller.signal })
    .then((response) => response.text())
    .finally(() => clearTimeout(timer));
}
