export async function process(term) {
  const controller = new AbortController();
  const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    return await fetch('https://search.example/?q=' + term, { signal: controller.signal }).then((response) => response.text());
  } finally {
    clearTimeout(timerHandle);
  }
}
