// The finally clears the timer only when `done` is set: on the other runs it stays armed.
export async function search(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  let done = false;
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    done = true;
    return await response.text();
  } finally {
    if (done) clearTimeout(timer);
  }
}
