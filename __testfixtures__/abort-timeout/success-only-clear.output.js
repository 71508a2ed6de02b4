export async function process(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  try {
    // cleared only when fetch answers: a failing fetch leaves the timer armed
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return response.text();
  } finally {
    clearTimeout(timer);
  }
}
