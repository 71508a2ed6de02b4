export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch(url(term), { signal: controller.signal });
  return await response.text();

  function url(query) {
    return 'https://search.example/?q=' + query;
  }
}
