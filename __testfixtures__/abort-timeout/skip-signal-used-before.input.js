export async function process(term) {
  const controller = new AbortController();
  const pending = fetch('https://search.example/?q=' + term, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  const response = await pending;
  return await response.text();
}
