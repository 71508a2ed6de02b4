// A block comment before the timer on its line: the handle is declared after it there, and the
// try/finally covers the uses that follow (a comment line scan once read this line as a comment).
export async function process(term) {
  const controller = new AbortController();
  /* 100 ms */ const timerHandle = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timerHandle);
  }
}
