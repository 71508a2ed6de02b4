declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return Promise.race([
    new Promise<never>((_, reject) => globalThis.setTimeout(() => reject(new Error('search canceled')), 100)),
    search(term),
  ]);
}
