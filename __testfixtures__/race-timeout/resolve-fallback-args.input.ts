declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<string>((resolve) => setTimeout(resolve, 100, 'cached value')),
  ]);
}
