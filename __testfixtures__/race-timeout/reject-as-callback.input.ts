declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => setTimeout(reject, 100, new Error('search canceled'))),
  ]);
}
