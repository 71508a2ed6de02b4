declare function searchCallback(term: string, callback: (error: Error | null, record?: string) => void): void;

// TypeScript: the `catch` throws on what it caught, whatever its type.
export function process(term: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(term, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
  });
}
