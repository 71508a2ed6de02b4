// Listing 4 of "Goroutine Leaks — The Forgotten Sender" with an AbortController: the search request
// is aborted after 100 ms. When it answers first (or fails), the 100 ms timer stays armed.
export async function process(term: string): Promise<string> {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch(`https://search.example/?q=${encodeURIComponent(term)}`, { signal: controller.signal });
    const record = await response.text();
    console.log('Received:', record);
    return record;
  } finally {
    clearTimeout(timerHandle);
  }
}
