declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return term
    ? Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))])
    : Promise.resolve('');
}
