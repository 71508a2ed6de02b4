// The chain's .finally() clears the timer, but `buildUrl(term)` runs before the chain is built: if
// it throws, the timer stays armed, so this is reported, not taken as already cleared.
import { buildUrl } from './urls.js';
export function search(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  return fetch(buildUrl(term), { signal: controller.signal })
    .then((response) => response.text())
    .finally(() => clearTimeout(timer));
}
