// The clear after the response has a comment of its own: the clear goes into the finally, and its
// comment goes with it.
export async function process(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    const text = await response.text();
    return text;
  } finally {
    // the answer is in: stop the abort timer
    clearTimeout(timer);
  }
}
