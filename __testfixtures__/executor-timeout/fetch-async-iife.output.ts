export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const fetchController = new AbortController();
  return new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(() => {
      reject(new Error('search canceled'));
      fetchController.abort();
    }, 100);
    void (async () => {
      try {
        const response = await fetch(`https://search.example/?q=${term}`, { signal: fetchController.signal });
        resolve(await response.text());
      } catch (error) {
        reject(error);
      }
    })();
  }).finally(() => clearTimeout(timerHandle));
}
