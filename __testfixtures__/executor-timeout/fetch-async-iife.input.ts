export function process(term: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    void (async () => {
      try {
        const response = await fetch(`https://search.example/?q=${term}`);
        resolve(await response.text());
      } catch (error) {
        reject(error);
      }
    })();
  });
}
