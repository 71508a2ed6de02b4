// A `let` handle that nothing writes again is as good as a const: it is cleared in a finally.
export async function process(term: string): Promise<string> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return await response.text();
}
