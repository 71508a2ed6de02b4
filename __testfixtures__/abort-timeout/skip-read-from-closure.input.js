export async function process(term) {
  const controller = new AbortController();
  const describe = () => `${response.status} for ${term}`;
  setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  console.log(describe());
  return await response.text();
}
