export async function process(term: string): Promise<number> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const fetchController = new AbortController();
  const response = await Promise.race([
    fetch(`https://search.example/?q=${term}`, { signal: fetchController.signal }),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => {
        reject(new Error('search canceled'));
        fetchController.abort();
      }, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
