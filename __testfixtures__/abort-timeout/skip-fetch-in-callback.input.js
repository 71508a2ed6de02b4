export async function process(terms) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  // started per term; a finally here could run while some are still in flight
  const pages = terms.map(async (term) => {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  });
  return pages;
}
