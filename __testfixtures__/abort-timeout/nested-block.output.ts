export async function process(term: string): Promise<string> {
  const records: string[] = [];
  for (const page of [1]) {
    const controller = new AbortController();
    const timerHandle = setTimeout(() => controller.abort(), 100).unref();
    try {
      const response = await fetch(`https://search.example/?q=${term}&page=${page}`, { signal: controller.signal });
      records.push(await response.text());
    } finally {
      clearTimeout(timerHandle);
    }
  }
  return records.join('');
}
