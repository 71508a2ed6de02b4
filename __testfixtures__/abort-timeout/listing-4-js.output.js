// Listing 4 in JavaScript with an AbortController: the search request is aborted after 100 ms.
export async function process(term) {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + encodeURIComponent(term), { signal: controller.signal });
    const record = await response.text();
    console.log('Received:', record);
    return record;
  } finally {
    clearTimeout(timerHandle);
  }
}
