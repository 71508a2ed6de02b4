declare function search(term: string): Promise<string>;

export const process = (term: string): Promise<string> =>
  Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
