// The caller's error handling looks for AbortError: the default rewrite keeps it working.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch (error) {
    if (error.name === 'AbortError') throw new Error('search canceled');
    throw error;
  }
}
