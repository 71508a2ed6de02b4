// `new URL(term, base)` between the timer and the try may throw on a bad input, leaving the timer
// armed: not "already cleared".
export async function process(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  const url = new URL(term, 'https://search.example/');
  try {
    const response = await fetch(url, { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
}
