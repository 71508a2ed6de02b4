// The finally returns before it reaches the clear when `quiet` is set, leaving the timer armed:
// reported, not taken as already cleared.
export async function search(term: string, quiet: boolean): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    if (quiet) return 'quiet';
    clearTimeout(timer);
  }
}
