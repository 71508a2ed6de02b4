// `Reply` is declared after the timer but read above it: a try block would hide it (TS2304).
export async function process(term: string): Promise<string> {
  const controller = new AbortController();
  let last: Reply | undefined;
  setTimeout(() => controller.abort(), 100);
  interface Reply { text: string }
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  last = { text: await response.text() } as Reply;
  return last.text;
}
