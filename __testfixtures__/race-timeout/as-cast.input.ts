declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  const record = (await (Promise.race([
    search(term),
    new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]) as Promise<string>));
  return record;
}
