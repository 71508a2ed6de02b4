declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('search canceled')), 100),
  );
  const record = await Promise.race([search(term), timeout]);
  return record;
}
