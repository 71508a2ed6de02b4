// No async/await: the returned chain reads the body, so it settles when the request is done.
export function process(term: string): Promise<string> {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  return fetch(`https://search.example/?q=${term}`, { signal: controller.signal })
    .then((response) => response.text())
    .finally(() => clearTimeout(timerHandle));
}
