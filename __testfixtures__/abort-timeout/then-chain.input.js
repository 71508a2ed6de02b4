export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  return await fetch('https://search.example/?q=' + term, { signal: controller.signal }).then((response) => response.text());
}
