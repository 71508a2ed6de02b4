// The request goes through a local alias of fetch; the clear after it runs only when it answers.
export async function process(term, { fetch: customFetch } = {}) {
  const request = customFetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  const response = await request('https://search.example/?q=' + term, { signal: controller.signal });
  clearTimeout(timer);
  return response.text();
}
