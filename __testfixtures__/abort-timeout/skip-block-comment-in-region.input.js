export async function process(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  /* the body is read under the
     same timer */
  return await response.text();
}
