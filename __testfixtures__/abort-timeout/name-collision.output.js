export async function process(term) {
  const timerHandle = 'not a timer';
  const controller = new AbortController();
  const timerHandle2 = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term + timerHandle.slice(0, 0), { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timerHandle2);
  }
}
