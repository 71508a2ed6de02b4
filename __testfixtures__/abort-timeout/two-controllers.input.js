// Two requests in a row, each with its own deadline.
export async function process(term) {
  const first = new AbortController();
  setTimeout(() => first.abort(), 100);
  const spelling = await fetch('https://search.example/spell?q=' + term, { signal: first.signal });
  const corrected = await spelling.text();

  const second = new AbortController();
  setTimeout(() => second.abort(), 100);
  const response = await fetch('https://search.example/?q=' + corrected, { signal: second.signal });
  return await response.text();
}
