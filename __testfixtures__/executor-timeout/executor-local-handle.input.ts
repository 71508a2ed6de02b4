declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const id = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
}
