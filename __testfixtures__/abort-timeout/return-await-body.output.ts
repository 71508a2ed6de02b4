export async function process(term: string): Promise<string> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => {
    controller.abort();
  }, 100);
  try {
    const response = await fetch('https://search.example/', {
      method: 'POST',
      body: term,
      signal: controller.signal,
    });
    if (!response.ok) {
      throw new Error(`search failed with ${response.status}`);
    }
    return await response.text();
  } finally {
    clearTimeout(timeoutId);
  }
}
