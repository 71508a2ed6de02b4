// The chain's .finally() clears the timer only when `keepAlive` is unset: on the other runs it
// stays armed, so this is reported, not taken as already cleared.
export function search(term, keepAlive) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  return fetch('https://search.example/?q=' + term, { signal: controller.signal })
    .then((response) => response.text())
    .finally(() => {
      if (!keepAlive) clearTimeout(timer);
    });
}
