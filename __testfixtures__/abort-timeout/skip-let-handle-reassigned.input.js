export async function process(term) {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  timer = undefined;
  return await response.text();
}
