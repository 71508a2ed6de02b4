// The abort timer is armed only when a duration is given, inside a conditional expression: its
// handle is not followed from there, so nothing is judged.
export async function process(term, ms) {
  const controller = new AbortController();
  const timer = ms ? setTimeout(() => controller.abort(), ms) : null;
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    if (timer) clearTimeout(timer);
  }
}
