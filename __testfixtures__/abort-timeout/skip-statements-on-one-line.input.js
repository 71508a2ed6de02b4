export async function process(term) {
  const controller = new AbortController(); const timer = setTimeout(() => controller.abort(), 100); const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal }); clearTimeout(timer); return await response.text();
}
