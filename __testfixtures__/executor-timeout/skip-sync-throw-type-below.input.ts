declare function searchCallback(term: string, callback: (error: Error | null, record?: string) => void): void;

// A type declared below the timer is used above it: in a `try` block it would be out of reach. A warning.
export function process(term: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const label: Label = term;
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    searchCallback(label, (error, record) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(record);
    });
    type Label = string;
  });
}
