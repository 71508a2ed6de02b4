// Two requests in a row, each with its own deadline.
export async function process(term) {
  const first = new AbortController();
  const timerHandle = setTimeout(() => first.abort(), 100);
  try {
    const spelling = await fetch('https://search.example/spell?q=' + term, { signal: first.signal });
    const corrected = await spelling.text();

    const second = new AbortController();
    const timerHandle2 = setTimeout(() => second.abort(), 100);
    try {
      const response = await fetch('https://search.example/?q=' + corrected, { signal: second.signal });
      return await response.text();
    } finally {
      clearTimeout(timerHandle2);
    }
  } finally {
    clearTimeout(timerHandle);
  }
}
